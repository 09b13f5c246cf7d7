package dev.phonehome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.phonehome.PhoneHomeTestSupport;

/** {@code restart} and {@code abandon} of a failed or stuck execution. */
class ExecutionCommandsTests extends PhoneHomeTestSupport {

	@TempDir
	Path folder;

	private Path blocked;

	private long failedExecution;

	@BeforeEach
	void aFailedNight() throws IOException {
		assertThat(cli("import", "--from", demoDump("free")).exitCode()).isZero();
		blocked = folder.resolve("blocked");
		Files.writeString(blocked, "a file where the archive folder should be");
		CliResult failed = cli("run", "--date", "2026-11-20", "--out", blocked.resolve("night").toString(), "--config",
				demoConfig("free"));
		assertThat(failed.exitCode()).isEqualTo(ExitCode.JOB_FAILED.code());
		failedExecution = jdbc.queryForObject("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION", Long.class);
	}

	@Test
	void restartShouldResumeAFailedExecutionOnceTheCauseIsFixed() throws IOException {
		// given
		Files.delete(blocked);

		// when
		CliResult restart = cli("restart", String.valueOf(failedExecution));

		// then
		assertThat(restart.exitCode()).as(restart.err()).isZero();
		assertThat(restart.out()).contains("restarted as execution").contains("COMPLETED");
		assertThat(blocked.resolve("night/payload.json")).exists();
	}

	@Test
	void stuckExecutionShouldNeedForce() throws IOException {
		// given: the process died while the execution was running (kill -9 leaves it STARTED)
		jdbc.update("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STARTED', END_TIME = NULL WHERE JOB_EXECUTION_ID = ?",
				failedExecution);
		Files.delete(blocked);

		// when
		CliResult refused = cli("restart", String.valueOf(failedExecution));
		CliResult forced = cli("restart", String.valueOf(failedExecution), "--force");

		// then
		assertThat(refused.exitCode()).isEqualTo(ExitCode.ALREADY_RUNNING.code());
		assertThat(refused.err()).contains("is marked STARTED").contains("--force");
		assertThat(forced.exitCode()).as(forced.err()).isZero();
		assertThat(blocked.resolve("night/payload.json")).exists();
	}

	@Test
	void abandonedExecutionShouldNotBeRestartedAndItsNightNeedsRerun() {
		CliResult abandon = cli("abandon", String.valueOf(failedExecution));
		CliResult restart = cli("restart", String.valueOf(failedExecution));

		assertThat(abandon.exitCode()).as(abandon.err()).isZero();
		assertThat(abandon.out()).contains("ABANDONED");
		assertThat(restart.exitCode()).isEqualTo(ExitCode.ALREADY_COMPLETED.code());
	}

	@Test
	void unknownExecutionShouldBeAUsageError() {
		CliResult restart = cli("restart", "999999");

		assertThat(restart.exitCode()).isEqualTo(ExitCode.USAGE.code());
		assertThat(restart.err()).contains("no execution 999999");
	}

}
