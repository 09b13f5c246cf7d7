package dev.phonehome.console.approvals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.NoSuchElementException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import dev.phonehome.PhoneHomeTestSupport;
import dev.phonehome.approval.Approvals;
import dev.phonehome.cli.ExitCode;
import dev.phonehome.console.approvals.HeldNights.Verdict;

/**
 * The console's Approvals page's gate is the real service: the night the CLI run held is listed with why, a
 * decision on another execution is a 404, the OS user who ran the night is refused (409, four eyes), and an
 * approver's approval queues the night as {@code phonehome approve} does.
 */
@TestPropertySource(properties = "phonehome.source.stale-margin=60d")
class GateHeldNightsTests extends PhoneHomeTestSupport {

	private static final LocalDate HELD = LocalDate.parse("2026-11-17");

	private HeldNights gate;

	@BeforeEach
	void aHeldNight() throws IOException {
		gate = new GateHeldNights(context.getBean(Approvals.class));
		Path config = Path.of(demoConfig("free"));
		// a paid night must not be skipped by the demo's switch-off, so that it passes the gate
		Files.writeString(config, Files.readString(config).replace("\"disablePhoneHome\": true",
				"\"disablePhoneHome\": false"));
		assertThat(cli("import", "--from", demoDump("paid")).exitCode()).isZero();
		assertThat(cli("run", "--date", "2026-11-16", "--config", config.toString()).exitCode()).isZero();
		assertThat(cli("import", "--from", demoDump("free")).exitCode()).isZero();
		CliResult held = cli("run", "--date", HELD.toString(), "--config", config.toString());
		assertThat(held.exitCode()).as(held.err()).isEqualTo(ExitCode.HELD.code());
	}

	@Test
	void heldNightShouldBeListedAndDecidedThroughTheRealService() {
		assertThat(gate.held()).singleElement().satisfies(night -> {
			assertThat(night.night()).isEqualTo(HELD);
			assertThat(night.reason()).contains("users' email addresses are included again");
		});
		long execution = gate.held().get(0).executionId();

		assertThatThrownBy(() -> gate.decide(HELD, execution + 1000, Verdict.APPROVE, "alice", ""))
			.isInstanceOf(NoSuchElementException.class);
		assertThatThrownBy(() -> gate.decide(HELD, execution, Verdict.APPROVE, System.getProperty("user.name"), ""))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("a second person must approve it")
			.hasMessageContaining("The console does not waive the four-eyes rule")
			.hasMessageNotContaining("--allow-same-person");
		assertThatThrownBy(() -> gate.decide(HELD, execution, Verdict.APPROVE,
				System.getProperty("user.name").toUpperCase(java.util.Locale.ROOT), ""))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("a second person must approve it");

		String outcome = gate.decide(HELD, execution, Verdict.APPROVE, "alice", "checked the audit");

		assertThat(outcome).startsWith("night 2026-11-17 approved by alice");
		assertThat(gate.held()).isEmpty();
		assertThat(cli("history", "--from", "2026-11-17", "--to", "2026-11-17", "--format", "csv").out())
			.contains("approved by alice").contains("PENDING");
		assertThatThrownBy(() -> gate.decide(HELD, execution, Verdict.REJECT, "bob", "too late"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("already approved");
	}

}
