package dev.phonehome.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.phonehome.PhoneHomeTestSupport;
import dev.phonehome.cli.ExitCode;

/**
 * {@code phonehome diff} on demo nights: the free installation on 2026-11-20, and the same installation a day later
 * ({@code demo/free-next-day}: an upgrade, a plan, a team, users and a token changed on 2026-11-21).
 */
class DiffCommandTests extends PhoneHomeTestSupport {

	private static final String HANA = "6b016ccc5f1ab2c3d43a1a08";

	@Test
	void diffBetweenTwoDemoNightsShouldPrintWhatChanged() {
		// given
		twoDemoNights();

		// when
		CliResult diff = cli("diff", "--date", "2026-11-21");

		// then
		assertThat(diff.exitCode()).as(diff.err()).isZero();
		assertThat(diff.out()).contains("phonehome: night 2026-11-21 (execution ")
			.contains("compared with night 2026-11-20")
			.doesNotContain("note")
			.contains("  version        8.2.26 -> 8.2.27")
			.contains("  integrations   added trello; removed none")
			.contains("  decision       emails still included: no company is on a paid plan; plans: Initech Labs "
					+ "(698994e05f1ab2c3d43a17d5): no plan -> 30DAYTRIAL")
			.contains("  addresses      3 sent for the first time (address added 1, address changed 1, new user 1)")
			.contains("  email status   NO_EMAIL_ON_RECORD -> SENT 1")
			.containsPattern("companies +0 +0 +1 +3 +-  plan 1")
			.containsPattern("teams +1 +0 +1 +5 +-  codeReviewApproval 1")
			.containsPattern("users +1 +1 +3 +46 +17  isAdmin 1, email 2, isDeactivated 1")
			.containsPattern("teams +6b016ba05f1ab2c3d43a1a01 +NEW +Acme Firmware")
			.containsPattern("users +6936a1a05f1ab2c3d43a1892 +CHANGED +email liam.obrien@globex.example -> "
					+ "liam.obrien-deactivated1795269600000@globex.example; isDeactivated false -> true")
			.containsPattern("users +6afc17905f1ab2c3d43a1909 +REMOVED")
			.containsPattern(HANA + " +hana.novak@acme.example +new user");
		assertThat(HOME.resolve("work")).isEmptyDirectory();
	}

	@Test
	void csvAndJsonShouldCarryTheSameChangesForTools() throws IOException {
		// given
		twoDemoNights();

		// when
		CliResult csv = cli("diff", "--date", "2026-11-21", "--against", "2026-11-20", "--format", "csv");
		CliResult json = cli("diff", "--date", "2026-11-21", "--format", "json");

		// then the CSV has one row a changed field, the summary's counts first
		assertThat(csv.exitCode()).as(csv.err()).isZero();
		List<CSVRecord> rows = CSVFormat.RFC4180.builder()
			.setHeader()
			.get()
			.parse(new StringReader(csv.out()))
			.getRecords();
		assertThat(rows).filteredOn(r -> r.get("id").equals("6936a1a05f1ab2c3d43a1892"))
			.extracting(r -> r.get("change") + " " + r.get("field") + " " + r.get("before") + " " + r.get("after"))
			.containsExactly("CHANGED email liam.obrien@globex.example liam.obrien-deactivated1795269600000@globex.example",
					"CHANGED isDeactivated false true", "EMAIL_FIRST_SENT email  liam.obrien-deactivated1795269600000@globex.example");
		assertThat(rows).filteredOn(r -> r.get("section").equals("users") && r.get("change").equals("COUNT"))
			.extracting(r -> r.get("field") + "=" + r.get("after"))
			.contains("new=1", "removed=1", "changed=3", "unchanged=46", "activityChanged=17", "emailFirstSent=3");
		assertThat(rows).filteredOn(r -> r.get("section").equals("header") && r.get("change").equals("CHANGED"))
			.extracting(r -> r.get("field") + " " + r.get("before") + " " + r.get("after"))
			.containsExactly("installationVersion 8.2.26 8.2.27");
		// and the JSON the summary as the night's record holds it, then the lists
		assertThat(json.exitCode()).as(json.err()).isZero();
		JsonNode tree = JsonMapper.builder().build().readTree(json.out());
		assertThat(tree.at("/nights/against").asString()).isEqualTo("2026-11-20");
		assertThat(tree.at("/changes/decision/planChanges/0/planAfter").asString()).isEqualTo("30DAYTRIAL");
		assertThat(tree.at("/changes/sections/2/activityChanged").asLong()).isEqualTo(17);
		assertThat(tree.at("/items")).hasSize(17);
		assertThat(tree.at("/firstTimeEmails/2/address").asString()).isEqualTo("hana.novak@acme.example");
		assertThat(tree.at("/firstTimeEmails/2/reason").asString()).isEqualTo("NEW_USER");
	}

	@Test
	void aNightTurningPaidShouldSayEmailsAreNowRedactedAndShowNoAddress() {
		// given the free night, then the paid variant (Globex on BUSINESS) the next night
		assertThat(cli("import", "--from", demoDump("free")).exitCode()).isZero();
		assertThat(run("free", "2026-11-20").exitCode()).isZero();
		assertThat(cli("import", "--from", demoDump("paid")).exitCode()).isZero();
		assertThat(run("paid", "2026-11-21").exitCode()).isZero();

		// when
		CliResult diff = cli("diff", "--date", "2026-11-21");

		// then
		assertThat(diff.exitCode()).as(diff.err()).isZero();
		assertThat(diff.out()).contains("emails now redacted: the installation became paid; plans: Globex Corporation "
				+ "(69174d665f1ab2c3d43a17ce): FREEPLAN -> BUSINESS")
			.contains("NO_EMAIL_ON_RECORD -> REDACTED_PAID_PLAN 2, SENT -> REDACTED_PAID_PLAN 48")
			.contains("none sent for the first time")
			.doesNotContain("@");
	}

	@Test
	void theFirstNightShouldSaySoInsteadOfInventingABaseline() {
		// given a dry run the night before, which never counts
		assertThat(cli("import", "--from", demoDump("free")).exitCode()).isZero();
		assertThat(cli("run", "--date", "2026-11-19", "--dry-run", "--config", demoConfig("free")).exitCode()).isZero();
		assertThat(run("free", "2026-11-20").exitCode()).isZero();

		// when
		CliResult table = cli("diff", "--date", "2026-11-20");
		CliResult json = cli("diff", "--date", "2026-11-20", "--format", "json");

		// then
		assertThat(table.exitCode()).as(table.err()).isZero();
		assertThat(table.out().strip()).matches(
				"phonehome: night 2026-11-20 \\(execution \\d+\\): no earlier archived night to compare with");
		JsonNode changes = JsonMapper.builder().build().readTree(json.out()).get("changes");
		assertThat(changes.get("baselineNight").isNull()).isTrue();
		assertThat(changes.get("sections")).isEmpty();
	}

	@Test
	void nightsThatAreNotConsecutiveShouldBeNamedAGapOrNot() {
		// given 2026-11-18 and 2026-11-20: the 19th was never run
		assertThat(cli("import", "--from", demoDump("free")).exitCode()).isZero();
		assertThat(run("free", "2026-11-18").exitCode()).isZero();
		assertThat(run("free", "2026-11-20").exitCode()).isZero();

		// when
		CliResult gap = cli("diff", "--date", "2026-11-20");
		assertThat(run("free", "2026-11-19").exitCode()).isZero();
		CliResult skipping = cli("diff", "--date", "2026-11-20", "--against", "2026-11-18");

		// then
		assertThat(gap.exitCode()).as(gap.err()).isZero();
		assertThat(gap.out()).contains("compared with night 2026-11-18")
			.contains("  note           gap: 1 night lies between 2026-11-18 and 2026-11-20, none with an archived "
					+ "payload (skipped, failed or never run)");
		assertThat(skipping.out()).contains("  note           not consecutive: 1 night lies between 2026-11-18 and "
				+ "2026-11-20, 1 of them archived (2026-11-19)");
	}

	@Test
	void aNightWithoutAnArchivedPayloadShouldBeRefused() {
		assertThat(cli("import", "--from", demoDump("free")).exitCode()).isZero();
		assertThat(run("free", "2026-11-20").exitCode()).isZero();

		CliResult missing = cli("diff", "--date", "2026-11-21");
		CliResult missingBaseline = cli("diff", "--date", "2026-11-20", "--against", "2026-11-01");
		CliResult later = cli("diff", "--date", "2026-11-20", "--against", "2026-11-20");

		assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE.code());
		assertThat(missing.err()).contains("night 2026-11-21 has no completed run with an archived payload");
		assertThat(missingBaseline.exitCode()).isEqualTo(ExitCode.USAGE.code());
		assertThat(missingBaseline.err()).contains("night 2026-11-01 has no completed run");
		assertThat(later.exitCode()).isEqualTo(ExitCode.USAGE.code());
		assertThat(later.err()).contains("--against 2026-11-20 must be a night before --date 2026-11-20");
	}

	@Test
	void anAlteredArchivedPayloadShouldBeRefusedNamingVerify() throws IOException {
		// given
		twoDemoNights();
		Path payload;
		try (var files = Files.walk(HOME.resolve("nights/2026-11-20"))) {
			payload = files.filter(p -> p.getFileName().toString().equals("payload.json")).findFirst().orElseThrow();
		}
		Files.writeString(payload, " ", StandardOpenOption.APPEND);

		// when
		CliResult diff = cli("diff", "--date", "2026-11-21");

		// then
		assertThat(diff.exitCode()).isEqualTo(ExitCode.VERIFY_MISMATCH.code());
		assertThat(diff.err()).contains(payload.toString()).contains("no longer matches its record").contains("verify");
		assertThat(diff.out()).isEmpty();
	}

	private void twoDemoNights() {
		assertThat(cli("import", "--from", demoDump("free")).exitCode()).isZero();
		assertThat(run("free", "2026-11-20").exitCode()).isZero();
		assertThat(cli("import", "--from", demoDump("free-next-day")).exitCode()).isZero();
		assertThat(run("free-next-day", "2026-11-21").exitCode()).isZero();
	}

	private CliResult run(String variant, String night) {
		return cli("run", "--date", night, "--config", demoConfig(variant));
	}

}
