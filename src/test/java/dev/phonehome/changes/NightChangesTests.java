package dev.phonehome.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import dev.phonehome.PhoneHomeTestSupport;
import dev.phonehome.audit.AuditDocuments;

/**
 * The night's changes as the night itself shows them (the free demo on 2026-11-20, then {@code demo/free-next-day}
 * on 2026-11-21: an upgrade, a plan, a team, users and a token changed): the run summary's line, the history's
 * column, the audit's "Changes since" section and the {@code change} column of {@code audit.csv}; and none of it
 * puts an address in the job repository.
 */
class NightChangesTests extends PhoneHomeTestSupport {

	private static final String HANA = "6b016ccc5f1ab2c3d43a1a08";

	private static final String LIAM = "6936a1a05f1ab2c3d43a1892";

	private static final String REMOVED_USER = "6afc17905f1ab2c3d43a1909";

	private static final String NEW_TEAM = "6b016ba05f1ab2c3d43a1a01";

	@Test
	void theRunSummaryAndTheHistoryShouldSayWhatChangedSinceTheNightSentBefore() throws IOException {
		// given / when
		assertThat(cli("import", "--from", demoDump("free")).exitCode()).isZero();
		CliResult first = run("free", "2026-11-20");
		assertThat(cli("import", "--from", demoDump("free-next-day")).exitCode()).isZero();
		CliResult second = run("free-next-day", "2026-11-21");
		CliResult history = cli("history", "--format", "csv");

		// then
		assertThat(first.exitCode()).as(first.err()).isZero();
		assertThat(first.out()).contains("  changes       first night: no earlier night was sent to compare with");
		assertThat(second.exitCode()).as(second.err()).isZero();
		String line = "since 2026-11-20: installationVersion 8.2.26 -> 8.2.27, +trello, emails still included, "
				+ "companies +0 -0 ~1, teams +1 -0 ~1, users +1 -1 ~3 (activity 17)";
		assertThat(second.out()).contains("  changes       " + line);
		assertThat(second.out()).containsPattern("3 addresses sent for the first time");
		List<CSVRecord> rows = CSVFormat.RFC4180.builder()
			.setHeader()
			.get()
			.parse(new StringReader(history.out()))
			.getRecords();
		assertThat(rows).extracting(r -> r.get("night") + " " + r.get("changes"))
			.containsExactly("2026-11-20 first night: no earlier night was sent to compare with",
					"2026-11-21 " + second.out().lines().filter(l -> l.startsWith("  changes")).findFirst()
						.orElseThrow().substring(16));
		// the record holds counts and digests, never an address
		List<String> contexts = jdbc.queryForList("SELECT COALESCE(SERIALIZED_CONTEXT, SHORT_CONTEXT) FROM BATCH_JOB_EXECUTION_CONTEXT",
				String.class);
		assertThat(String.join("\n", contexts)).contains("\"changes.count.users.added\"")
			.contains("\"changes.emails.first-time\"")
			.doesNotContain("@");
	}

	@Test
	void theAuditShouldShowTheChangesNearTheFrontAndInACsvColumn() throws IOException {
		// given
		assertThat(cli("import", "--from", demoDump("free")).exitCode()).isZero();
		assertThat(run("free", "2026-11-20").exitCode()).isZero();
		assertThat(cli("import", "--from", demoDump("free-next-day")).exitCode()).isZero();

		// when
		assertThat(run("free-next-day", "2026-11-21").exitCode()).isZero();

		// then the PDF: the section comes right after the cover, with the decision in words and both tables
		Path folder = nightFolder("2026-11-21");
		List<String> pages = AuditDocuments.pdfPages(folder.resolve("audit.pdf"));
		int changesPage = indexOf(pages, "Changes since 2026-11-20");
		assertThat(changesPage).isEqualTo(1);
		assertThat(indexOf(pages, "Settings and decisions")).isGreaterThan(changesPage);
		assertThat(AuditDocuments.outline(folder.resolve("audit.pdf"))).startsWith("Cover", "Changes since 2026-11-20",
				"Settings and decisions");
		String section = String.join("\n", pages.subList(changesPage, indexOf(pages, "Settings and decisions")));
		assertThat(section).contains("night 2026-11-20, execution")
			.contains("emails still included: no company is on a paid plan; plans: Initech Labs")
			.contains("no plan -> 30DAYTRIAL")
			.contains("installationVersion 8.2.26 -> 8.2.27")
			.contains("added trello; removed none")
			.contains("Addresses sent for the first time (3)")
			.containsPattern(HANA + " +hana.novak@acme.example +new user")
			.contains("Companies and teams new, removed or changed (3)")
			.containsPattern(NEW_TEAM + " +teams +Acme Firmware +NEW")
			.contains("1 new, 1 removed, 3 changed (isAdmin 1, email 2, isDeactivated 1), 46 unchanged; daily "
					+ "activity changed for 17");
		// and the CSV: each item's change, the removed items at the end, the summary on the audit row
		List<CSVRecord> csv = csvRecords(folder.resolve("audit.csv"));
		assertThat(csv.get(0).get("change")).startsWith("since 2026-11-20: installationVersion 8.2.26 -> 8.2.27");
		assertThat(csv).filteredOn(r -> r.get("id").equals(NEW_TEAM)).extracting(r -> r.get("change"))
			.containsExactly("NEW");
		assertThat(csv).filteredOn(r -> r.get("id").equals(LIAM)).extracting(r -> r.get("change"))
			.containsExactly("CHANGED: email, isDeactivated");
		assertThat(csv).filteredOn(r -> r.get("id").equals(HANA)).extracting(r -> r.get("change"))
			.containsExactly("NEW");
		int firstRemoved = csv.size() - (int) csv.stream().filter(r -> r.get("change").equals("REMOVED")).count();
		assertThat(csv.subList(firstRemoved, csv.size())).allSatisfy(r -> assertThat(r.get("change")).isEqualTo("REMOVED"))
			.extracting(r -> r.get("recordType") + " " + r.get("id") + r.get("reviewId"))
			.contains("user " + REMOVED_USER)
			.filteredOn(row -> row.startsWith("codeReview"))
			.hasSize(7);
		assertThat(csv).filteredOn(r -> r.get("recordType").equals("user") && r.get("change").isEmpty())
			.hasSize(46);
		assertThat(HOME.resolve("work")).satisfiesAnyOf(work -> assertThat(work).doesNotExist(),
				work -> assertThat(work).isEmptyDirectory());
	}

	@Test
	void aPaidNightAfterAFreeOneShouldShowNoAddressNotEvenOfAUserItNoLongerSends() throws IOException {
		// given the free night, then the paid variant the next night without its last user
		assertThat(cli("import", "--from", demoDump("free")).exitCode()).isZero();
		assertThat(run("free", "2026-11-20").exitCode()).isZero();
		Path dump = HOME.resolve("dump-paid-one-user-less");
		Files.createDirectories(dump);
		try (var files = Files.list(Path.of(demoDump("paid")))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
				Files.copy(file, dump.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
		}
		List<String> users = Files.readAllLines(dump.resolve("users.json"));
		Files.write(dump.resolve("users.json"), users.subList(0, users.size() - 1));
		assertThat(cli("import", "--from", dump.toString()).exitCode()).isZero();

		// when
		CliResult paid = run("paid", "2026-11-21");

		// then the user it no longer sends is listed as removed, without the address the free night sent
		assertThat(paid.exitCode()).as(paid.err()).isZero();
		assertThat(paid.out()).contains("emails now redacted").containsPattern("users \\+0 -1 ~\\d+");
		Path folder = nightFolder("2026-11-21");
		List<CSVRecord> csv = csvRecords(folder.resolve("audit.csv"));
		assertThat(csv).filteredOn(r -> r.get("recordType").equals("user") && r.get("change").equals("REMOVED"))
			.extracting(r -> r.get("emailStatus"))
			.containsExactly("REDACTED_PAID_PLAN");
		assertThat(Files.readString(folder.resolve("audit.csv"))).doesNotContain("@");
		assertThat(pdfText(folder.resolve("audit.pdf"))).contains("Changes since 2026-11-20")
			.contains("emails now redacted: the installation became paid")
			.doesNotContain("@");
	}

	@Test
	void aFirstNightAndANightAfterAGapShouldSaySo() throws IOException {
		// given a dry run on the 18th, which is never sent, then the 18th itself, and the 20th (the 19th never ran)
		assertThat(cli("import", "--from", demoDump("free")).exitCode()).isZero();
		assertThat(cli("run", "--date", "2026-11-17", "--dry-run", "--config", demoConfig("free")).exitCode())
			.isZero();
		CliResult first = run("free", "2026-11-18");

		// when
		CliResult afterGap = run("free", "2026-11-20");

		// then
		assertThat(first.out()).contains("  changes       first night: no earlier night was sent to compare with");
		assertThat(pdfText(nightFolder("2026-11-18").resolve("audit.pdf"))).contains(
				"Changes since the last night sent")
			.contains("nothing: first night: no earlier night was sent to compare with");
		assertThat(afterGap.out()).contains("  changes       since 2026-11-18 (1 nights between): emails still "
				+ "included, users +0 -0 ~0 (activity");
		assertThat(pdfText(nightFolder("2026-11-20").resolve("audit.pdf")))
			.contains("after a gap: 1 night(s) between 2026-11-18 and 2026-11-20 were not sent");
	}

	private CliResult run(String variant, String night) {
		return cli("run", "--date", night, "--config", demoConfig(variant));
	}

	private static Path nightFolder(String night) throws IOException {
		try (var files = Files.walk(HOME.resolve("nights/" + night))) {
			return files.filter(p -> p.getFileName().toString().equals("audit.pdf")).findFirst().orElseThrow()
				.getParent();
		}
	}

	private static int indexOf(List<String> pages, String text) {
		for (int i = 0; i < pages.size(); i++) {
			if (pages.get(i).contains(text)) {
				return i;
			}
		}
		return -1;
	}

	private static String pdfText(Path pdf) {
		return String.join("\n", AuditDocuments.pdfPages(pdf));
	}

	private static List<CSVRecord> csvRecords(Path csv) throws IOException {
		try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
				CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().get().parse(in)) {
			return parser.getRecords();
		}
	}

}
