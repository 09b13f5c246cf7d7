package dev.phonehome.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.repository.JobRepository;

import dev.phonehome.PhoneHomeTestSupport;
import dev.phonehome.artefact.Sha256;
import dev.phonehome.cli.ExitCode;
import dev.phonehome.record.NightRecord;
import dev.phonehome.record.NightRecords;

/**
 * The store remembers its import, and a night it cannot speak for is refused: a night later than the import (exit
 * 11 unless --allow-stale-store, which the summary, record and audit cover then say), a night that has not ended
 * (exit 2 unless a dry run, which says the day is incomplete).
 */
class StaleStoreTests extends PhoneHomeTestSupport {

	private static final String NIGHT = "2026-11-20";

	@BeforeEach
	void storeHoldsTheFreeDemo() {
		assertThat(cli("import", "--from", demoDump("free")).exitCode()).isZero();
	}

	@Test
	void importShouldRecordWhenFromWhatAndTheNewestCreatedAt() throws IOException {
		// then: the last import row names the dump folder and each file's SHA-256
		var row = jdbc.queryForMap("SELECT imported_at, dump_folder, file_digests, newest_created_at "
				+ "FROM phonehome_store_import ORDER BY id DESC FETCH FIRST 1 ROWS ONLY");
		assertThat(row.get("DUMP_FOLDER")).isEqualTo(Path.of(demoDump("free")).toString());
		long importedAt = ((Number) row.get("IMPORTED_AT")).longValue();
		assertThat(Instant.ofEpochMilli(importedAt)).isBetween(Instant.now().minusSeconds(600), Instant.now());
		String digests = (String) row.get("FILE_DIGESTS");
		for (String file : new String[] { "companies.json", "teams.json", "users.json", "posts.json",
				"codemarks.json", "reviews.json" }) {
			assertThat(digests).contains(file + "=" + sha256(Path.of(demoDump("free")).resolve(file)));
		}
		assertThat(row.get("NEWEST_CREATED_AT")).isNotNull();
	}

	@Test
	void nightAfterTheImportShouldBeRefusedWithExit11AndNothingRun() {
		// given: the store's data was imported before the night ended
		storeImportedAt(Instant.parse("2026-11-20T18:00:00Z"));

		// when
		CliResult run = cli("run", "--date", NIGHT, "--config", demoConfig("free"));

		// then
		assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.STALE_STORE.code()).isEqualTo(11);
		assertThat(run.err()).contains("night 2026-11-20 refused")
			.contains("imported at 2026-11-20T18:00:00Z from " + Path.of(demoDump("free")))
			.contains("before the night ended (2026-11-21T00:00:00Z)")
			.contains("--allow-stale-store")
			.contains("nothing was run");
		assertThat(run.out()).isEmpty();
		assertThat(nightExecutions()).isZero();
		assertThat(HOME.resolve("nights")).doesNotExist();
		assertThat(cli("history").out()).doesNotContain(NIGHT);
	}

	@Test
	void allowStaleStoreShouldRunAndSayItInSummaryRecordAndAuditCover() throws IOException {
		// given
		storeImportedAt(Instant.parse("2026-11-19T12:00:00Z"));

		// when
		CliResult run = cli("run", "--date", NIGHT, "--allow-stale-store", "--config", demoConfig("free"));

		// then
		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(run.out()).contains("store         imported 2026-11-19T12:00:00Z from " + Path.of(demoDump("free")))
			.contains("CAUTION       STALE STORE (run with --allow-stale-store): the store's data was imported at "
					+ "2026-11-19T12:00:00Z");
		NightRecord record = NightRecords.read(context.getBean(JobRepository.class)
			.getJobExecution(jdbc.queryForObject("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION", Long.class)));
		NightRecord.StoreData store = record.decisions().source().store();
		assertThat(store.importedAt()).isEqualTo("2026-11-19T12:00:00Z");
		assertThat(store.staleness()).contains("before the night ended");
		assertThat(store.fileDigests()).contains("users.json=");
		String cover = coverText(auditPdf(run));
		assertThat(cover).contains("STALE STORE").contains("2026-11-19T12:00:00Z");
	}

	@Test
	void storeWithoutARecordedImportShouldBeStaleUntilAllowed() {
		// given: data loaded by a version that did not record its import
		jdbc.update("DELETE FROM phonehome_store_import");

		// when
		CliResult refused = cli("run", "--date", NIGHT, "--config", demoConfig("free"));
		CliResult allowed = cli("run", "--date", NIGHT, "--allow-stale-store", "--config", demoConfig("free"));

		// then
		assertThat(refused.exitCode()).as(refused.err()).isEqualTo(11);
		assertThat(refused.err()).contains("the store holds no recorded import");
		assertThat(allowed.exitCode()).as(allowed.err()).isZero();
		assertThat(allowed.out()).contains("store         no recorded import")
			.contains("CAUTION       STALE STORE (run with --allow-stale-store): the store holds no recorded import");
	}

	@Test
	void freshImportShouldRunWithoutCaution() {
		CliResult run = cli("run", "--date", NIGHT, "--config", demoConfig("free"));

		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(run.out()).contains("store         imported ").doesNotContain("CAUTION");
	}

	@Test
	void nightThatHasNotEndedShouldBeAUsageErrorUnlessDryRun() throws IOException {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		// a test run across midnight UTC may see "today" as yesterday: the refusal must name the night either way
		for (LocalDate night : new LocalDate[] { today.plusDays(1), today.plusDays(2) }) {
			CliResult run = cli("run", "--date", night.toString(), "--config", demoConfig("free"));
			assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.USAGE.code());
			assertThat(run.err()).contains("night " + night + " has not ended yet").contains("--dry-run");
		}
		CliResult today0 = cli("run", "--date", today.plusDays(1).toString(), "--allow-stale-store", "--config",
				demoConfig("free"));
		assertThat(today0.exitCode()).isEqualTo(ExitCode.USAGE.code());
		assertThat(nightExecutions()).isZero();

		// a dry run of today: the data was imported after the night began, so it runs and says the day is partial
		CliResult dry = cli("run", "--date", today.toString(), "--dry-run", "--config", demoConfig("free"));
		if (dry.exitCode() == 0 && LocalDate.now(ZoneOffset.UTC).equals(today)) {
			assertThat(dry.out()).contains("CAUTION       INCOMPLETE DAY: the night had not ended");
			assertThat(coverText(auditPdf(dry))).contains("INCOMPLETE DAY");
		}
		else {
			assertThat(dry.exitCode()).as("only a run across midnight may differ: " + dry.err()).isZero();
		}
	}

	@Test
	void dryRunOfAFutureNightNeedsDataImportedAfterItBegan() {
		LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);

		CliResult dry = cli("run", "--date", tomorrow.toString(), "--dry-run", "--config", demoConfig("free"));

		assertThat(dry.exitCode()).as(dry.err()).isEqualTo(ExitCode.STALE_STORE.code());
		assertThat(dry.err()).contains("before the night began");
	}

	private int nightExecutions() {
		return jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i"
				+ " ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = 'phoneHomeJob'", Integer.class);
	}

	private void storeImportedAt(Instant when) {
		jdbc.update("UPDATE phonehome_store_import SET imported_at = ? WHERE id = (SELECT MAX(id) FROM "
				+ "phonehome_store_import)", when.toEpochMilli());
	}

	private static Path auditPdf(CliResult run) {
		Matcher matcher = Pattern.compile("audit\\.pdf\\s+(\\S+audit\\.pdf)").matcher(run.out());
		assertThat(matcher.find()).as(run.out()).isTrue();
		return Path.of(matcher.group(1));
	}

	/** The cover: the audit's first page, as PDFBox extracts it. */
	private static String coverText(Path pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setStartPage(1);
			stripper.setEndPage(1);
			return stripper.getText(document).replaceAll("\\s+", " ");
		}
	}

	private static String sha256(Path file) throws IOException {
		MessageDigest digest = Sha256.newDigest();
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
			in.transferTo(java.io.OutputStream.nullOutputStream());
		}
		return Sha256.hex(digest);
	}

}
