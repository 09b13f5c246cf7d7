package dev.phonehome.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.phonehome.cli.ExitCode;

/**
 * The scripted sequence on the embedded store with the default policy ({@code emails-on,fields}): free ->
 * free -> a company moves to BUSINESS (emails off: passes) -> back to FREEPLAN rules (emails on: HELD, exit 12) ->
 * approve (a second person; the same OS user only with --allow-same-person) -> the next free night passes; the held
 * night reaches the receiver only once approved; history, the addendum and verify --all say so.
 */
class ScopeGateFunctionalTests extends ScopeGateTestSupport {

	@Test
	void aNightTurningEmailsOnShouldBeHeldUntilApprovedThenSentOnceAndLaterNightsOfThatScopePass() throws Exception {
		try (StandInReceiver receiver = StandInReceiver.answering(StandInReceiver.Behaviour.OK)) {
			String config = gateConfig(receiver);

			// given: two free nights, then a company on BUSINESS (emails redacted: not a listed change)
			importFree(NONE);
			assertThat(runNight("2026-11-16", config).exitCode()).isEqualTo(ExitCode.OK.code());
			assertThat(runNight("2026-11-17", config).exitCode()).isEqualTo(ExitCode.OK.code());
			importFree(BUSINESS);
			CliResult business = runNight("2026-11-18", config);
			assertThat(business.exitCode()).as(business.err()).isEqualTo(ExitCode.OK.code());
			assertThat(business.out()).contains("approval      passed");

			// when: back to the free plans, so addresses leave again
			importFree(NONE);
			CliResult held = runNight("2026-11-19", config);

			// then: archived and audited, held, not sent; the summary says why and how to approve
			assertThat(held.exitCode()).as(held.err()).isEqualTo(ExitCode.HELD.code());
			assertThat(held.out()).contains("HELD for approval, not queued, not sent")
				.contains("users' email addresses are included again")
				.contains("phonehome approve --date 2026-11-19 --by NAME")
				.contains("audit.pdf");
			assertThat(held.err()).contains("HELD for approval");
			assertThat(nightsSent(receiver)).containsExactly("2026-11-16", "2026-11-17", "2026-11-18");
			assertThat(historyRow("2026-11-19")).contains("HELD").contains("held: users' email addresses");
			assertThat(Files.readString(archivedPayload("2026-11-19").resolveSibling("audit.csv")))
				.as("the night's audit states it is held, and why").contains("HELD for approval")
				.contains("users' email addresses are included again");

			// the OS user who ran the night may not approve it alone: refused, nothing changes
			CliResult alone = cli("approve", "--date", "2026-11-19", "--by", "carol");
			assertThat(alone.exitCode()).as(alone.err()).isEqualTo(ExitCode.APPROVAL_REFUSED.code());
			assertThat(alone.err()).contains("a second person must approve it");
			assertThat(historyRow("2026-11-19")).contains("HELD");
			assertThat(cli("approve", "--date", "2026-11-18", "--by", "carol", "--allow-same-person").exitCode())
				.as("a night that passed the gate is not held").isEqualTo(ExitCode.APPROVAL_REFUSED.code());

			// approve (recorded as the same person), then a second approval is refused
			CliResult approved = cli("approve", "--date", "2026-11-19", "--by", "carol", "--reason", "FREEPLAN again",
					"--allow-same-person");
			assertThat(approved.exitCode()).as(approved.err()).isEqualTo(ExitCode.OK.code());
			assertThat(approved.out()).contains("night 2026-11-19 approved by carol").contains("queued");
			Path addendum = archivedPayload("2026-11-19").resolveSibling("approval-addendum.json");
			assertThat(Files.readString(addendum)).contains("\"decision\" : \"APPROVED\"")
				.contains("\"decidedBy\" : \"carol\"")
				.contains("\"samePersonAllowed\" : true")
				.contains("\"reason\" : \"FREEPLAN again\"")
				.contains(StandInReceiver.sha256(Files.readAllBytes(archivedPayload("2026-11-19"))));
			CliResult again = cli("approve", "--date", "2026-11-19", "--by", "dave", "--allow-same-person");
			assertThat(again.exitCode()).isEqualTo(ExitCode.APPROVAL_REFUSED.code());
			assertThat(again.err()).contains("already approved");
			assertThat(historyRow("2026-11-19")).contains("approved by carol").contains("same person allowed");

			// the next free night passes (its scope is the approved one) and the approved night goes first
			CliResult next = runNight("2026-11-20", config);
			assertThat(next.exitCode()).as(next.err()).isEqualTo(ExitCode.OK.code());
			assertThat(nightsSent(receiver)).containsExactly("2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19",
					"2026-11-20");
			assertThat(historyRow("2026-11-19")).contains("DELIVERED");

			CliResult verify = cli("verify", "--all");
			assertThat(verify.exitCode()).as(verify.out() + verify.err()).isEqualTo(ExitCode.OK.code());
		}
	}

	@Test
	void anApprovalOfAPayloadThatNoLongerMatchesItsDigestShouldBeRefusedAndChangeNothing() throws Exception {
		try (StandInReceiver receiver = StandInReceiver.answering(StandInReceiver.Behaviour.OK)) {
			String config = gateConfig(receiver);
			importFree(BUSINESS);
			assertThat(runNight("2026-11-16", config).exitCode()).isEqualTo(ExitCode.OK.code());
			importFree(NONE);
			assertThat(runNight("2026-11-17", config).exitCode()).isEqualTo(ExitCode.HELD.code());
			Path payload = archivedPayload("2026-11-17");
			byte[] original = Files.readAllBytes(payload);
			Files.write(payload, (new String(original, java.nio.charset.StandardCharsets.UTF_8) + " ").getBytes());

			CliResult refused = cli("approve", "--date", "2026-11-17", "--by", "erin", "--allow-same-person");

			assertThat(refused.exitCode()).as(refused.err()).isEqualTo(ExitCode.APPROVAL_REFUSED.code());
			assertThat(refused.err()).contains("no longer matches its recorded sha256");
			assertThat(payload.resolveSibling("approval-addendum.json")).doesNotExist();
			assertThat(historyRow("2026-11-17")).contains("HELD").doesNotContain("approved by");
			Files.write(payload, original);
			assertThat(cli("approve", "--date", "2026-11-15", "--by", "erin").exitCode())
				.as("a night never held").isEqualTo(ExitCode.APPROVAL_REFUSED.code());
			assertThat(nightsSent(receiver)).containsExactly("2026-11-16");
		}
	}

}
