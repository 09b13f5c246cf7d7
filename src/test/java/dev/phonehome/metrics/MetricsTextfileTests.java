package dev.phonehome.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.phonehome.PhoneHomeTestSupport;

/**
 * {@code phonehome.metrics.textfile}: each run and verify rewrite a node_exporter textfile, each keeping the other's
 * metrics; what monitoring alerts on (exit code, status, pending nights, last delivery, verify result) is there.
 */
class MetricsTextfileTests extends PhoneHomeTestSupport {

	private static final Path TEXTFILE = HOME.resolve("textfile-collector").resolve("phonehome.prom");

	@DynamicPropertySource
	static void textfile(DynamicPropertyRegistry registry) {
		registry.add("phonehome.metrics.textfile", TEXTFILE::toString);
	}

	@BeforeEach
	void freshDemoStoreAndNoTextfile() throws IOException {
		Files.createDirectories(TEXTFILE.getParent());
		Files.deleteIfExists(TEXTFILE);
		jdbc.update("DELETE FROM phonehome_outbox");
		assertThat(cli("import", "--from", demoDump("free")).exitCode()).isZero();
	}

	@Test
	void runShouldWriteItsOutcomeStepsItemsAndTheOutbox() throws IOException {
		// when
		CliResult run = cli("run", "--date", "2026-11-20", "--config", demoConfig("free"));

		// then
		assertThat(run.exitCode()).as(run.err()).isZero();
		List<String> lines = Files.readAllLines(TEXTFILE);
		assertThat(lines).contains("phonehome_last_run_exit_code 0",
				"phonehome_last_run_status{status=\"COMPLETED\"} 1",
				"phonehome_last_run_night_timestamp_seconds{night=\"2026-11-20\",mode=\"manual\"} "
						+ Instant.parse("2026-11-20T00:00:00Z").getEpochSecond(),
				"phonehome_last_run_items{section=\"users\"} 50", "phonehome_last_run_items{section=\"companies\"} 4",
				"phonehome_nights_pending 0", "phonehome_oldest_pending_night_age_seconds 0",
				"# TYPE phonehome_last_run_exit_code gauge");
		assertThat(lines).anyMatch(l -> l.startsWith("phonehome_last_run_step_duration_seconds{step=\"decideNightStep\"} "))
			.anyMatch(l -> l.startsWith("phonehome_last_run_step_duration_seconds{step=\"auditStep\"} "))
			.anyMatch(l -> l.startsWith("phonehome_last_delivery_timestamp_seconds "))
			.noneMatch(l -> l.startsWith("phonehome_last_verify_"));
		assertWellFormed(lines);
		assertThat(Files.getPosixFilePermissions(TEXTFILE)).isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
		try (var files = Files.list(TEXTFILE.getParent())) {
			assertThat(files.map(p -> p.getFileName().toString())).containsExactly("phonehome.prom");
		}
	}

	@Test
	void verifyAndARefusedRunShouldEachKeepTheOthersMetrics() throws IOException {
		// given
		assertThat(cli("run", "--date", "2026-11-20", "--config", demoConfig("free")).exitCode()).isZero();

		// when: verify
		assertThat(cli("verify", "--all").exitCode()).isZero();

		// then: its result beside the run's
		List<String> afterVerify = Files.readAllLines(TEXTFILE);
		assertThat(afterVerify).contains("phonehome_last_verify_ok 1", "phonehome_last_verify_problems 0",
				"phonehome_last_run_exit_code 0", "phonehome_last_run_items{section=\"users\"} 50");
		assertWellFormed(afterVerify);

		// when: a night the store is too old for is refused (exit 11)
		jdbc.update("UPDATE phonehome_store_import SET imported_at = ?",
				Instant.parse("2026-11-21T06:00:00Z").toEpochMilli());
		CliResult refused = cli("run", "--date", "2026-11-21", "--config", demoConfig("free"));

		// then: monitoring sees the refusal, and still the last verify
		assertThat(refused.exitCode()).as(refused.err()).isEqualTo(11);
		List<String> afterRefusal = Files.readAllLines(TEXTFILE);
		assertThat(afterRefusal).contains("phonehome_last_run_exit_code 11",
				"phonehome_last_run_status{status=\"NOT_RUN\"} 1", "phonehome_last_verify_ok 1")
			.noneMatch(l -> l.startsWith("phonehome_last_run_items"));
		assertWellFormed(afterRefusal);
	}

	@Test
	void restartOfAFailedNightShouldReplaceTheFailureMonitoringSaw(@TempDir Path folder) throws IOException {
		// given: a night that failed (its archive folder cannot be created), and monitoring saw it fail
		Path blocked = Files.writeString(folder.resolve("blocked"), "a file where the archive folder should be");
		CliResult failed = cli("run", "--date", "2026-11-20", "--out", blocked.resolve("night").toString(), "--config",
				demoConfig("free"));
		assertThat(failed.exitCode()).as(failed.err()).isEqualTo(5);
		assertThat(Files.readAllLines(TEXTFILE)).contains("phonehome_last_run_exit_code 5",
				"phonehome_last_run_status{status=\"FAILED\"} 1");
		long execution = jdbc.queryForObject("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION", Long.class);
		Files.delete(blocked);

		// when: the admin restarts it once the cause is fixed
		CliResult restart = cli("restart", String.valueOf(execution));

		// then: monitoring sees the night completed
		assertThat(restart.exitCode()).as(restart.err()).isZero();
		List<String> lines = Files.readAllLines(TEXTFILE);
		assertThat(lines).contains("phonehome_last_run_exit_code 0", "phonehome_last_run_status{status=\"COMPLETED\"} 1",
				"phonehome_last_run_items{section=\"users\"} 50")
			.noneMatch(l -> l.contains("FAILED"));
		assertWellFormed(lines);
	}

	/** Every line a comment or {@code name{labels} value}, as node_exporter's textfile collector parses them. */
	private static void assertWellFormed(List<String> lines) {
		assertThat(lines).allMatch(l -> l.matches("# (HELP|TYPE) phonehome_[a-z_]+ .+")
				|| l.matches("phonehome_[a-z_]+(\\{[a-zA-Z_]+=\"[^\"]*\"(,[a-zA-Z_]+=\"[^\"]*\")*\\})? -?[0-9]+(\\.[0-9]+)?"));
	}

}
