package dev.phonehome.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.phonehome.PhoneHomeTestSupport;
import dev.phonehome.cli.ExitCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code history} and {@code run --rerun}, on a repository with several nights, reruns, a dry run and a failure. */
class HistoryAndRerunTests extends PhoneHomeTestSupport {

	private static final String FREE_SHA = "987859d5b1872322043b4cd645756b8c112f8931dd36a2161b5fd3c1ff2a44f1";

	@TempDir
	Path folder;

	@BeforeEach
	void severalNights() throws IOException {
		assertThat(cli("import", "--from", demoDump("free")).exitCode()).isZero();
		assertThat(run("--date", "2026-11-19").exitCode()).isZero();
		assertThat(run("--date", "2026-11-20").exitCode()).isZero();
		assertThat(run("--date", "2026-11-20", "--dry-run").exitCode()).isZero();
		Path blocked = folder.resolve("blocked");
		Files.writeString(blocked, "a file where a folder should be");
		assertThat(run("--date", "2026-11-21", "--out", blocked.resolve("x").toString()).exitCode())
			.isEqualTo(ExitCode.JOB_FAILED.code());
	}

	@Test
	void rerunShouldBeANewRecordedExecutionNamingTheEarlierSha() {
		// when
		CliResult rerun = run("--date", "2026-11-20", "--rerun");
		CliResult again = run("--date", "2026-11-20", "--rerun");

		// then
		assertThat(rerun.exitCode()).as(rerun.err()).isZero();
		assertThat(rerun.out()).contains("rerun 1 of 2026-11-20").contains("sent sha256 " + FREE_SHA);
		assertThat(again.out()).contains("rerun 2 of 2026-11-20");
		CliResult history = cli("history", "--from", "2026-11-20", "--to", "2026-11-20", "--format", "csv");
		List<CSVRecord> rows = csv(history.out());
		assertThat(rows).extracting(r -> r.get("mode"))
			.containsExactly("manual", "dry run", "rerun 1 of 2026-11-20", "rerun 2 of 2026-11-20");
		assertThat(rows.get(2).get("previousSha256")).isEqualTo(FREE_SHA);
		assertThat(rows.get(2).get("payloadSha256")).isEqualTo(FREE_SHA);
		// the night went out once, with its own run; a rerun is archived and audited, never sent
		assertThat(rows.get(0).get("delivery")).isEqualTo("DELIVERED");
		assertThat(rows.get(2).get("delivery")).isEqualTo("NOT_SENT_RERUN");
		assertThat(rerun.out()).contains("not sent (a rerun");
	}

	@Test
	void secondRunWithoutRerunShouldBeRefusedNamingTheFlag() {
		CliResult refused = run("--date", "2026-11-20");

		assertThat(refused.exitCode()).isEqualTo(ExitCode.ALREADY_COMPLETED.code());
		assertThat(refused.err()).contains("--rerun");
	}

	@Test
	void rerunOfANightThatNeverCompletedShouldBeRefused() {
		CliResult refused = run("--date", "2026-11-21", "--rerun");

		assertThat(refused.exitCode()).isEqualTo(ExitCode.USAGE.code());
		assertThat(refused.err()).contains("has not completed").contains("resumes where it stopped");
	}

	@Test
	void historyShouldListEveryExecutionWithItsFacts() {
		// given: the failed night resumed
		assertThat(run("--date", "2026-11-21").exitCode()).isZero();

		// when
		List<CSVRecord> rows = csv(cli("history", "--format", "csv").out());

		// then
		assertThat(rows).extracting(r -> r.get("night") + " " + r.get("mode") + " " + r.get("status"))
			.containsExactly("2026-11-19 manual COMPLETED", "2026-11-20 manual COMPLETED",
					"2026-11-20 dry run COMPLETED", "2026-11-21 manual FAILED",
					"2026-11-21 restart (manual) COMPLETED");
		CSVRecord night = rows.get(1);
		assertThat(night.get("users")).isEqualTo("50");
		assertThat(night.get("codeReviews")).isEqualTo("7");
		assertThat(night.get("emails")).isEqualTo("included");
		assertThat(night.get("payloadSha256")).isEqualTo(FREE_SHA);
		assertThat(night.get("started")).endsWith("Z");
	}

	@Test
	void historyShouldFilterByNightAndPrintJsonAndATable() {
		JsonNode json = JsonMapper.builder()
			.build()
			.readTree(cli("history", "--from", "2026-11-21", "--format", "json").out());
		String table = cli("history", "--to", "2026-11-19").out();

		assertThat(json).hasSize(1);
		assertThat(json.get(0).get("status").asString()).isEqualTo("FAILED");
		assertThat(table.lines().toList()).hasSize(2);
		assertThat(table).startsWith("night").contains("2026-11-19").containsPattern(" [0-9a-f]{12}( |$)");
	}

	private CliResult run(String... args) {
		String[] all = new String[args.length + 3];
		all[0] = "run";
		System.arraycopy(args, 0, all, 1, args.length);
		all[args.length + 1] = "--config";
		all[args.length + 2] = demoConfig("free");
		return cli(all);
	}

	private static List<CSVRecord> csv(String text) {
		try {
			return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text))
				.getRecords();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
