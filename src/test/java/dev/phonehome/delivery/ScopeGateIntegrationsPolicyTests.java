package dev.phonehome.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import dev.phonehome.cli.ExitCode;

/**
 * With {@code integrations} in the policy: a night naming a new integration is held; a rejected night never reaches
 * the receiver, and its scope is not approved by the rejection (the next night of that scope is held too, until a
 * night of it is approved).
 */
@TestPropertySource(properties = "phonehome.approval.required-when=emails-on,fields,integrations")
class ScopeGateIntegrationsPolicyTests extends ScopeGateTestSupport {

	@Test
	void aNewIntegrationShouldBeHeldAndARejectedNightShouldNeverReachTheReceiver() throws Exception {
		try (StandInReceiver receiver = StandInReceiver.answering(StandInReceiver.Behaviour.OK)) {
			String config = gateConfig(receiver);
			importFree(NONE);
			assertThat(runNight("2026-11-16", config).exitCode()).isEqualTo(ExitCode.OK.code());

			// when: a user connects Trello
			importFree(TRELLO);
			CliResult held = runNight("2026-11-17", config);

			// then: held for the new integration
			assertThat(held.exitCode()).as(held.err()).isEqualTo(ExitCode.HELD.code());
			assertThat(held.out()).contains("integrations changed (added trello)");

			// a rejection needs a reason, and is recorded; the night stays archived, never sent
			assertThat(cli("reject", "--date", "2026-11-17", "--by", "frank", "--allow-same-person").exitCode())
				.isEqualTo(ExitCode.USAGE.code());
			CliResult rejected = cli("reject", "--date", "2026-11-17", "--by", "frank", "--reason",
					"Trello is not cleared yet", "--allow-same-person");
			assertThat(rejected.exitCode()).as(rejected.err()).isEqualTo(ExitCode.OK.code());
			assertThat(Files.readString(archivedPayload("2026-11-17").resolveSibling("approval-addendum.json")))
				.contains("\"decision\" : \"REJECTED\"")
				.contains("\"reason\" : \"Trello is not cleared yet\"");
			assertThat(historyRow("2026-11-17")).contains("REJECTED").contains("rejected by frank");
			CliResult approveRejected = cli("approve", "--date", "2026-11-17", "--by", "grace", "--allow-same-person");
			assertThat(approveRejected.exitCode()).isEqualTo(ExitCode.APPROVAL_REFUSED.code());
			assertThat(approveRejected.err()).contains("was rejected");

			// the next night with Trello is held again (a rejection approves nothing); approving it lets it go
			assertThat(runNight("2026-11-18", config).exitCode()).isEqualTo(ExitCode.HELD.code());
			assertThat(cli("approve", "--date", "2026-11-18", "--by", "grace", "--allow-same-person").exitCode())
				.isEqualTo(ExitCode.OK.code());
			assertThat(runNight("2026-11-19", config).exitCode()).isEqualTo(ExitCode.OK.code());

			assertThat(nightsSent(receiver)).containsExactly("2026-11-16", "2026-11-18", "2026-11-19")
				.doesNotContain("2026-11-17");
			CliResult verify = cli("verify", "--all");
			assertThat(verify.exitCode()).as(verify.out() + verify.err()).isEqualTo(ExitCode.OK.code());
		}
	}

	@Test
	void aChangedApprovalAddendumShouldFailVerify() throws Exception {
		try (StandInReceiver receiver = StandInReceiver.answering(StandInReceiver.Behaviour.OK)) {
			String config = gateConfig(receiver);
			importFree(NONE);
			assertThat(runNight("2026-11-16", config).exitCode()).isEqualTo(ExitCode.OK.code());
			importFree(TRELLO);
			assertThat(runNight("2026-11-17", config).exitCode()).isEqualTo(ExitCode.HELD.code());
			assertThat(cli("approve", "--date", "2026-11-17", "--by", "heidi", "--allow-same-person").exitCode())
				.isEqualTo(ExitCode.OK.code());
			var addendum = archivedPayload("2026-11-17").resolveSibling("approval-addendum.json");
			Files.writeString(addendum, Files.readString(addendum).replace("heidi", "mallory"));

			CliResult verify = cli("verify", "--all");

			assertThat(verify.exitCode()).as(verify.out()).isEqualTo(ExitCode.VERIFY_MISMATCH.code());
			assertThat(verify.out() + verify.err()).contains("approval");
		}
	}

}
