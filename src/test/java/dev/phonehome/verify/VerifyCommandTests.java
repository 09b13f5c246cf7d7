package dev.phonehome.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
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
		assertThat(verify.out()).containsPattern("OK           record chain: 3 entries, head [0-9a-f]{64}")
			.contains("verify: OK");
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
	void removedRecordShouldBeNamedByItsChainEntry() {
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
		assertThat(verify.out()).contains("BROKEN_CHAIN execution " + second + ": chained in entry")
			.contains("its record is gone");
	}

	@Test
	void everyBreakShouldBeReportedNotOnlyTheFirst() {
		// given: two records rewritten, and one chain entry edited
		List<Long> executions = jdbc.queryForList("SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION e JOIN "
				+ "BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = 'phoneHomeJob' ORDER BY 1",
				Long.class);
		for (long execution : executions.subList(0, 2)) {
			jdbc.update("UPDATE BATCH_JOB_EXECUTION_CONTEXT SET SHORT_CONTEXT = REPLACE(SHORT_CONTEXT, '\"night.emails"
					+ ".included\":true', '\"night.emails.included\":false'), SERIALIZED_CONTEXT = REPLACE("
					+ "SERIALIZED_CONTEXT, '\"night.emails.included\":true', '\"night.emails.included\":false') "
					+ "WHERE JOB_EXECUTION_ID = ?", execution);
		}
		jdbc.update("UPDATE phonehome_chain SET entry_text = REPLACE(entry_text, 'status=COMPLETED', 'status=FAILED') "
				+ "WHERE seq = 3");

		// when
		CliResult verify = cli("verify");

		// then: each break, with what it concerns
		assertThat(verify.exitCode()).isEqualTo(ExitCode.VERIFY_MISMATCH.code());
		assertThat(verify.out()).contains("BROKEN_CHAIN execution " + executions.get(0) + ": its record was changed")
			.contains("BROKEN_CHAIN execution " + executions.get(1) + ": its record was changed")
			.contains("BROKEN_CHAIN entry 3 (execution " + executions.get(2) + "): it was changed after it was appended");
	}

	@Test
	void removedChainEntryShouldBeNamed() {
		jdbc.update("DELETE FROM phonehome_chain WHERE seq = 2");

		CliResult verify = cli("verify");

		assertThat(verify.exitCode()).isEqualTo(ExitCode.VERIFY_MISMATCH.code());
		assertThat(verify.out()).contains("BROKEN_CHAIN entry 3").contains("entries 2..2 are missing")
			.contains("but the entry before it has digest")
			.contains("its record is not in the record chain");
	}

	@Test
	void pinnedHeadShouldHoldUntilTheChainIsRewritten() {
		// given: the head an auditor wrote down after the last verify
		Matcher head = Pattern.compile("head ([0-9a-f]{64})").matcher(cli("verify").out());
		assertThat(head.find()).isTrue();
		assertThat(cli("run", "--date", "2026-11-21", "--config", demoConfig("free")).exitCode()).isZero();

		// then: later nights extend the chain, the pinned head stays in it
		assertThat(cli("verify", "--expect-head", head.group(1)).exitCode()).isZero();

		// when: someone recomputes the whole chain from the start (possible without a key)
		jdbc.update("UPDATE phonehome_chain SET digest = REPLACE(digest, SUBSTRING(digest, 1, 1), 'x') WHERE seq = 3");
		CliResult verify = cli("verify", "--expect-head", head.group(1));

		// then
		assertThat(verify.exitCode()).isEqualTo(ExitCode.VERIFY_MISMATCH.code());
		assertThat(verify.out()).contains("BROKEN_CHAIN pinned head " + head.group(1));
	}

	private static Path payloadOf(CliResult run) {
		assertThat(run.exitCode()).as(run.err()).isZero();
		Matcher matcher = Pattern.compile("artefacts\\s+(\\S+payload\\.json)").matcher(run.out());
		assertThat(matcher.find()).isTrue();
		return Path.of(matcher.group(1));
	}

}
