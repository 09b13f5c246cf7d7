package dev.phonehome.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.phonehome.PhoneHomeTestSupport;
import dev.phonehome.cli.ExitCode;

/** {@code verify}: an untouched archive passes; a changed byte, a deleted file, a stray file or an edited record fail. */
class VerifyCommandTests extends PhoneHomeTestSupport {

	private Path night19;

	private Path night20;

	@BeforeEach
	void twoNightsArchived() {
		assertThat(cli("import", "--from", demoDump("free")).exitCode()).isZero();
		night19 = payloadOf(cli("run", "--date", "2026-11-19", "--config", demoConfig("free")));
		night20 = payloadOf(cli("run", "--date", "2026-11-20", "--config", demoConfig("free")));
		assertThat(cli("run", "--date", "2026-11-20", "--dry-run", "--config", demoConfig("free")).exitCode()).isZero();
	}

	@Test
	void untouchedArchiveShouldVerify() {
		CliResult verify = cli("verify", "--all");

		assertThat(verify.exitCode()).as(verify.out()).isZero();
		assertThat(verify.out()).contains("OK           record chain: 3 records linked").contains("verify: OK");
	}

	@Test
	void oneChangedByteShouldBeNamed() throws IOException {
		byte[] bytes = Files.readAllBytes(night20);
		bytes[100] = (byte) (bytes[100] == 'a' ? 'b' : 'a');
		Files.write(night20, bytes);

		CliResult verify = cli("verify", "--date", "2026-11-20");

		assertThat(verify.exitCode()).isEqualTo(ExitCode.VERIFY_MISMATCH.code());
		assertThat(verify.out()).contains("CHANGED      night 2026-11-20 execution").contains(night20.toString())
			.doesNotContain(night19.toString());
	}

	@Test
	void deletedFileShouldBeReportedMissing() throws IOException {
		Files.delete(night19);

		CliResult verify = cli("verify");

		assertThat(verify.exitCode()).isEqualTo(ExitCode.VERIFY_MISMATCH.code());
		assertThat(verify.out()).contains("MISSING      night 2026-11-19").contains(night19.toString());
	}

	@Test
	void strayFileInTheArchiveShouldBeReportedUnexpected() throws IOException {
		Path stray = night20.resolveSibling("payload-edited.json");
		Files.writeString(stray, "{}", StandardOpenOption.CREATE_NEW);

		CliResult verify = cli("verify");

		assertThat(verify.exitCode()).isEqualTo(ExitCode.VERIFY_MISMATCH.code());
		assertThat(verify.out()).contains("UNEXPECTED   " + stray);
	}

	@Test
	void editedRecordShouldBreakTheChainAtThatExecution() {
		// given: someone rewrites the first night's record to say no email left
		long first = jdbc.queryForObject("SELECT MIN(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i"
				+ " ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = 'phoneHomeJob'", Long.class);
		// (a long context lives in SERIALIZED_CONTEXT, SHORT_CONTEXT holds its first characters)
		int updated = jdbc.update("UPDATE BATCH_JOB_EXECUTION_CONTEXT SET"
				+ " SHORT_CONTEXT = REPLACE(SHORT_CONTEXT, '\"night.emails.included\":true', '\"night.emails.included\":false'),"
				+ " SERIALIZED_CONTEXT = REPLACE(SERIALIZED_CONTEXT, '\"night.emails.included\":true', '\"night.emails.included\":false')"
				+ " WHERE JOB_EXECUTION_ID = ? AND (SHORT_CONTEXT LIKE '%\"night.emails.included\":true%'"
				+ " OR SERIALIZED_CONTEXT LIKE '%\"night.emails.included\":true%')", first);
		assertThat(updated).isOne();

		// when
		CliResult verify = cli("verify");

		// then
		assertThat(verify.exitCode()).isEqualTo(ExitCode.VERIFY_MISMATCH.code());
		assertThat(verify.out()).contains("BROKEN_CHAIN execution " + first + ": its record was changed");
	}

	@Test
	void removedRecordShouldBreakTheChainAtTheNextExecution() {
		long second = jdbc.queryForObject("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i"
				+ " ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = 'phoneHomeJob'"
				+ " AND e.JOB_EXECUTION_ID < (SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION)", Long.class);
		jdbc.update("DELETE FROM BATCH_STEP_EXECUTION_CONTEXT WHERE STEP_EXECUTION_ID IN"
				+ " (SELECT STEP_EXECUTION_ID FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ?)", second);
		jdbc.update("DELETE FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ?", second);
		jdbc.update("DELETE FROM BATCH_JOB_EXECUTION_CONTEXT WHERE JOB_EXECUTION_ID = ?", second);
		jdbc.update("DELETE FROM BATCH_JOB_EXECUTION_PARAMS WHERE JOB_EXECUTION_ID = ?", second);
		jdbc.update("DELETE FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?", second);

		CliResult verify = cli("verify");

		assertThat(verify.exitCode()).isEqualTo(ExitCode.VERIFY_MISMATCH.code());
		assertThat(verify.out()).containsPattern("BROKEN_CHAIN execution \\d+: it links to [0-9a-f]{64} but the record before it");
	}

	private static Path payloadOf(CliResult run) {
		assertThat(run.exitCode()).as(run.err()).isZero();
		Matcher matcher = Pattern.compile("artefacts\\s+(\\S+payload\\.json)").matcher(run.out());
		assertThat(matcher.find()).isTrue();
		return Path.of(matcher.group(1));
	}

}
