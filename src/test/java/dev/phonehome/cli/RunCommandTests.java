package dev.phonehome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.phonehome.PhoneHomeTestSupport;

/** {@code phonehome run} as an operator and cron use it: exit codes, messages, the night's identity. */
class RunCommandTests extends PhoneHomeTestSupport {

	private static final Path GOLDEN = Path.of("src/test/resources/golden");

	@TempDir
	Path folder;

	@BeforeEach
	void storeHoldsTheFreeDemo() {
		assertThat(cli("import", "--from", demoDump("free")).exitCode()).isZero();
	}

	@Test
	void secondRunOfACompletedNightShouldBeRefused() {
		// given
		CliResult first = cli("run", "--date", "2026-11-20", "--config", demoConfig("free"));
		assertThat(first.exitCode()).as(first.err()).isZero();

		// when
		CliResult second = cli("run", "--date", "2026-11-20", "--config", demoConfig("free"));

		// then
		assertThat(second.exitCode()).isEqualTo(ExitCode.ALREADY_COMPLETED.code());
		assertThat(second.err()).contains("night 2026-11-20 was already completed by execution")
			.contains("nothing was run");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i"
				+ " ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = 'phoneHomeJob'", Integer.class))
			.isEqualTo(1);
	}

	@Test
	void dryRunShouldNeverBlockTheNightsRun() {
		assertThat(cli("run", "--date", "2026-11-20", "--dry-run", "--config", demoConfig("free")).exitCode()).isZero();
		assertThat(cli("run", "--date", "2026-11-20", "--dry-run", "--config", demoConfig("free")).exitCode()).isZero();

		CliResult real = cli("run", "--date", "2026-11-20", "--config", demoConfig("free"));

		assertThat(real.exitCode()).as(real.err()).isZero();
		assertThat(real.out()).contains("manual, execution");
	}

	@Test
	void eachExecutionShouldArchiveIntoItsOwnFolder() throws IOException {
		CliResult dry = cli("run", "--date", "2026-11-20", "--dry-run", "--config", demoConfig("free"));
		CliResult real = cli("run", "--date", "2026-11-20", "--config", demoConfig("free"));

		Path dryPayload = payloadPath(dry);
		Path realPayload = payloadPath(real);
		assertThat(dryPayload.getParent()).isNotEqualTo(realPayload.getParent());
		assertThat(dryPayload.toString()).contains("/nights/2026-11-20/execution-").endsWith("-dry-run/payload.json");
		assertThat(Files.readAllBytes(realPayload)).isEqualTo(Files.readAllBytes(dryPayload))
			.isEqualTo(Files.readAllBytes(GOLDEN.resolve("demo-free-2026-11-20.payload.json")));
	}

	@Test
	void failedNightShouldResumeWhereItFailed() throws IOException {
		// given: the archive folder cannot be created (a file stands in its place), so the last step fails
		Path blocked = folder.resolve("blocked");
		Files.writeString(blocked, "not a folder");
		CliResult failed = cli("run", "--date", "2026-11-20", "--out", blocked.resolve("night").toString(),
				"--config", demoConfig("free"));
		assertThat(failed.exitCode()).isEqualTo(ExitCode.JOB_FAILED.code());
		assertThat(failed.err()).contains("failed (execution").contains("run the same command again");

		// when
		Path out = folder.resolve("out");
		CliResult resumed = cli("run", "--date", "2026-11-20", "--out", out.toString(), "--config",
				demoConfig("free"));

		// then: only the failed step ran again, and the payload is the night's
		assertThat(resumed.exitCode()).as(resumed.err()).isZero();
		long lastExecution = lastNightExecution();
		assertThat(jdbc.queryForList("SELECT STEP_NAME FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ?",
				String.class, lastExecution))
			.containsExactly("assemblePayloadStep", "compareNightStep", "scopeGateStep", "deliverPayloadStep",
					"auditStep");
		assertThat(Files.readAllBytes(out.resolve("payload.json")))
			.isEqualTo(Files.readAllBytes(GOLDEN.resolve("demo-free-2026-11-20.payload.json")));
		assertThat(cli("run", "--date", "2026-11-20", "--config", demoConfig("free")).exitCode())
			.isEqualTo(ExitCode.ALREADY_COMPLETED.code());
	}

	@Test
	void paidInstallationSwitchedOffShouldRecordASkippedNightHavingReadOnlyThePlans() throws IOException {
		// given
		assertThat(cli("import", "--from", demoDump("paid")).exitCode()).isZero();
		Path config = folder.resolve("codestream-services-config.json");
		Files.writeString(config, Files.readString(Path.of(demoConfig("paid")))
			.replace("\"disablePhoneHome\": false", "\"disablePhoneHome\": true"));
		Files.setPosixFilePermissions(config, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));

		// when
		CliResult run = cli("run", "--date", "2026-11-20", "--config", config.toString());

		// then
		assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.SKIPPED.code());
		assertThat(run.out()).contains("skipped").contains("the night is skipped, nothing is collected or sent");
		long execution = lastNightExecution();
		assertThat(jdbc.queryForList("SELECT STEP_NAME FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ?",
				String.class, execution))
			.containsExactly("decideNightStep", "auditStep");
		assertThat(jdbc.queryForMap("SELECT STATUS, EXIT_CODE FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?",
				execution))
			.containsEntry("STATUS", "COMPLETED")
			.containsEntry("EXIT_CODE", "SKIPPED");
		assertThat(nightContext(execution)).contains("night.skip.reason").contains("HONOURED");
		assertThat(cli("run", "--date", "2026-11-20", "--config", config.toString()).exitCode())
			.isEqualTo(ExitCode.ALREADY_COMPLETED.code());
	}

	@Test
	void freeInstallationSwitchedOffShouldRunAndSayTheSwitchWasIgnored() {
		CliResult run = cli("run", "--date", "2026-11-20", "--config", demoConfig("free"));

		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).contains("apiServer.disablePhoneHome is set but ignored");
		assertThat(nightContext(lastNightExecution())).contains("IGNORED");
	}

	@Test
	void paidNightShouldKeepEveryAddressOutOfPayloadOutputAndJobRepository() throws IOException {
		// given
		assertThat(cli("import", "--from", demoDump("paid")).exitCode()).isZero();
		List<String> addresses = emailsIn(Path.of(demoDump("paid")).resolve("users.json"));
		assertThat(addresses).hasSizeGreaterThan(40);

		// when
		CliResult run = cli("run", "--date", "2026-11-20", "--config", demoConfig("paid"));

		// then
		assertThat(run.exitCode()).as(run.err()).isZero();
		String payload = Files.readString(payloadPath(run));
		String repository = String.join("\n", jdbc.queryForList(
				"SELECT SHORT_CONTEXT || COALESCE(SERIALIZED_CONTEXT, '') FROM BATCH_JOB_EXECUTION_CONTEXT", String.class))
				+ String.join("\n", jdbc.queryForList(
						"SELECT SHORT_CONTEXT || COALESCE(SERIALIZED_CONTEXT, '') FROM BATCH_STEP_EXECUTION_CONTEXT", String.class))
				+ String.join("\n", jdbc.queryForList("SELECT PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS", String.class));
		for (String address : addresses) {
			assertThat(payload).doesNotContain(address);
			assertThat(run.out() + run.err()).doesNotContain(address);
			assertThat(repository).doesNotContain(address);
		}
		assertThat(payload).doesNotContain("\"email\"");
	}

	@Test
	void brokenConfigShouldStopTheNightBeforeAnyDataIsRead() throws IOException {
		Path config = folder.resolve("broken.json");
		Files.writeString(config, "{\n  \"sharedGeneral\": {\"installationId\": \"x\"}\n  \"apiServer\": {}\n}\n");

		CliResult run = cli("run", "--date", "2026-11-20", "--config", config.toString());

		assertThat(run.exitCode()).isEqualTo(ExitCode.CONFIG.code());
		assertThat(run.err()).contains(config + ":3:").contains("hint:");
		assertThat(jdbc.queryForObject(NIGHT_EXECUTIONS.replace("MAX(e.JOB_EXECUTION_ID)", "COUNT(*)"), Integer.class))
			.isZero();
	}

	@Test
	void configWithATrailingCommaShouldRunWithAWarning() throws IOException {
		Path config = folder.resolve("trailing.json");
		Files.writeString(config, "{\"sharedGeneral\": {\"installationId\": \"x\"},}");

		CliResult run = cli("run", "--date", "2026-11-20", "--dry-run", "--config", config.toString());

		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(run.err()).contains("warning: " + config + ":1:").contains("trailing comma");
	}

	@Test
	void withoutADateTheNightShouldBeYesterdayInUtc() {
		// the application's clock, read on both sides of the run: a run across midnight UTC may name either day
		java.time.Clock clock = context.getBean(java.time.Clock.class);
		LocalDate before = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(1);
		CliResult run = cli("run", "--dry-run", "--config", demoConfig("free"));
		LocalDate after = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(1);

		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(run.out()).containsAnyOf("night " + before + " ", "night " + after + " ");
	}

	@Test
	void badDateShouldBeAUsageError() {
		CliResult run = cli("run", "--date", "2026-13-45", "--config", demoConfig("free"));

		assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
		assertThat(run.err()).contains("--date");
	}

	@Test
	void helpShouldListTheOptionsAndExitCodes() {
		for (String command : new String[] { "run", "import" }) {
			CliResult help = cli(command, "--help");

			assertThat(help.exitCode()).isZero();
			assertThat(help.out()).contains("--home").contains("Exit codes:").contains("7  the night was skipped");
		}
	}

	private static final String NIGHT_EXECUTIONS = "SELECT MAX(e.JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION e"
			+ " JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = 'phoneHomeJob'";

	private long lastNightExecution() {
		return jdbc.queryForObject(NIGHT_EXECUTIONS, Long.class);
	}

	private String nightContext(long execution) {
		// a context longer than SHORT_CONTEXT's 2500 characters is stored whole in SERIALIZED_CONTEXT
		return jdbc.queryForObject("SELECT COALESCE(SERIALIZED_CONTEXT, SHORT_CONTEXT) FROM BATCH_JOB_EXECUTION_CONTEXT WHERE JOB_EXECUTION_ID = ?",
				String.class, execution);
	}

	private static Path payloadPath(CliResult run) {
		Matcher matcher = Pattern.compile("artefacts\\s+(\\S+payload\\.json)").matcher(run.out());
		assertThat(matcher.find()).as(run.out()).isTrue();
		return Path.of(matcher.group(1));
	}

	private static List<String> emailsIn(Path usersJson) throws IOException {
		Matcher matcher = Pattern.compile("\"email\"\\s*:\\s*\"([^\"]+)\"")
			.matcher(Files.readString(usersJson, StandardCharsets.UTF_8));
		return matcher.results().map(m -> m.group(1)).distinct().toList();
	}

}
