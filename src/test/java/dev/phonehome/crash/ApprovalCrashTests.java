package dev.phonehome.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.phonehome.cli.ExitCode;
import dev.phonehome.crash.CrashMatrixTests.Run;
import dev.phonehome.failpoint.Failpoint;

/**
 * An approval halted at each of its failpoints (as {@code kill -9} would), then the same {@code approve} command
 * again and the next run: the night is approved once, sent once, its last execution completed, the approval in the
 * record chain, and {@code verify --all} clean.
 */
class ApprovalCrashTests {

	private static final String NIGHT = "2026-11-20";

	private static final String NEXT_NIGHT = "2026-11-21";

	private static final Path DEMO = Path.of("jobs/phone-home/demo/free").toAbsolutePath();

	/** The demo's first night needs approval under this policy: it is held (exit 12). */
	private static final List<String> FIRST_NIGHT_HELD = List.of("-Dphonehome.approval.required-when=first-night");

	private static Receiver receiver;

	@BeforeAll
	static void startReceiver() {
		receiver = new Receiver();
	}

	@AfterAll
	static void stopReceiver() {
		receiver.close();
	}

	@ParameterizedTest(name = "halted at {0}")
	@EnumSource(value = Failpoint.class, names = "APPROVE_.*", mode = EnumSource.Mode.MATCH_ANY)
	void approvalHaltedAtItsFailpointShouldBeRecordedOnceSentOnceAndVerified(Failpoint failpoint,
			@TempDir Path home) throws Exception {
		// given: the demo's night, held for approval
		Run imported = Run.of(home, home.resolve("import"), List.of(), "import", "--home", home.toString(), "--from",
				DEMO.toString());
		assertThat(imported.exitCode()).as(imported.err()).isZero();
		String config = CrashMatrixTests.config(home, receiver);
		Run held = Run.of(home, home.resolve("run-held"), FIRST_NIGHT_HELD, "run", "--home", home.toString(),
				"--date", NIGHT, "--config", config);
		assertThat(held.exitCode()).as(held.err()).isEqualTo(ExitCode.HELD.code());

		// when: the approval halts at the failpoint, and the same command runs again
		Run halted = approve(home, List.of("-D" + Failpoint.PROPERTY + "=" + failpoint.label()), "approve-halted");
		Run again = approve(home, List.of(), "approve-again");
		// the next night's run sends what is queued (the demo store ends with the first night: stale on purpose)
		Run next = Run.of(home, home.resolve("run-next"), FIRST_NIGHT_HELD, "run", "--home", home.toString(),
				"--date", NEXT_NIGHT, "--config", config, "--allow-stale-store");

		// then
		assertThat(halted.exitCode()).as(halted.err()).isEqualTo(Failpoint.HALT_STATUS);
		assertThat(halted.err()).contains("failpoint " + failpoint.label() + " reached");
		if (failpoint == Failpoint.APPROVE_BEFORE_COMMIT) {
			// nothing was committed: the same command approves the night
			assertThat(again.exitCode()).as(again.err()).isZero();
			assertThat(again.out() + again.err()).contains("night " + NIGHT + " approved by alice");
		}
		else {
			// the approval was committed: the same command says so and changes nothing
			assertThat(again.exitCode()).as(again.err()).isEqualTo(ExitCode.APPROVAL_REFUSED.code());
			assertThat(again.err()).contains("was already approved; nothing was changed");
		}
		assertThat(next.exitCode()).as(next.err()).isZero();
		assertThat(receiver.keysOf(home, NIGHT)).as("requests holding the night").isNotEmpty()
			.satisfies(keys -> assertThat(keys.stream().distinct()).as("Idempotency-Keys").hasSize(1));
		assertThat(CrashMatrixTests.lastStatus(home)).isEqualTo("COMPLETED");
		Run history = Run.of(home, home.resolve("history"), List.of(), "history", "--home", home.toString(),
				"--format", "csv");
		assertThat(history.out()).contains("approved by alice").doesNotContain("rejected");
		Run verify = Run.of(home, home.resolve("verify"), List.of(), "verify", "--home", home.toString(), "--all");
		assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
	}

	private static Run approve(Path home, List<String> jvmOptions, String name) throws Exception {
		// the tests run every command as the same OS user, so the second person is allowed (and recorded)
		return Run.of(home, home.resolve(name), jvmOptions, "approve", "--home", home.toString(), "--date", NIGHT,
				"--by", "alice", "--reason", "first night reviewed", "--allow-same-person");
	}

}
