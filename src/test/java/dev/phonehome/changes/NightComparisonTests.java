package dev.phonehome.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.json.JsonMapper;

import dev.phonehome.payload.PayloadCursor;
import dev.phonehome.payload.PayloadSection;
import dev.phonehome.source.CodeReview;
import dev.phonehome.source.Company;
import dev.phonehome.source.Team;
import dev.phonehome.source.User;
import dev.phonehome.testing.PayloadFile;

/** The streaming comparison of two payloads, on small nights whose every difference is stated here. */
class NightComparisonTests {

	private static final LocalDate BEFORE = LocalDate.parse("2026-11-20");

	private static final LocalDate TONIGHT = LocalDate.parse("2026-11-21");

	@TempDir
	Path folder;

	private final Recorder recorder = new Recorder();

	@Test
	void identicalNightsShouldShowNothingChanged() {
		// given
		Path night = baseline(folder.resolve("a.json"));

		// when
		NightChanges changes = NightComparison.compare(night, night, recorder);

		// then
		assertThat(changes.night()).isEqualTo(BEFORE);
		assertThat(changes.baselineNight()).isEqualTo(BEFORE);
		assertThat(changes.header()).noneMatch(HeaderField::changed);
		assertThat(changes.decision().changed()).isFalse();
		assertThat(changes.decision().describe()).isEqualTo("emails still included: no company is on a paid plan; "
				+ "no plan changed");
		assertThat(changes.sections()).extracting(SectionChanges::section, SectionChanges::added,
				SectionChanges::removed, SectionChanges::changed, SectionChanges::unchanged)
			.containsExactly(tuple("companies", 0L, 0L, 0L, 2L), tuple("teams", 0L, 0L, 0L, 2L),
					tuple("users", 0L, 0L, 0L, 4L), tuple("codeReviews", 0L, 0L, 0L, 2L));
		assertThat(changes.emails().firstTimeSent()).isZero();
		assertThat(recorder.items).isEmpty();
		assertThat(recorder.emails).isEmpty();
	}

	@Test
	void itemsShouldBeMatchedByIdAndTheirChangedFieldsNamed() {
		// given
		Path before = baseline(folder.resolve("before.json"));
		Path tonight = folder.resolve("tonight.json");
		try (PayloadFile p = PayloadFile.create(tonight, TONIGHT, "8.2.27", true, List.of("github", "trello"))) {
			p.company(company("c1", "FREEPLAN")).company(company("c2", "30DAYTRIAL"));
			p.team(team("t1", "Platform 2")).team(team("t2", "Mobile")).team(team("t3", "Firmware"));
			p.user(user("u1", "ann@x.example", false, 5, 1795250000000L))
				.user(user("u2", "bob@x.example", true, 0, null))
				.user(user("u3", "cy@x.example", false, 0, null))
				.user(user("u5", "eve@x.example", false, 1, null));
			p.codeReview(new CodeReview("t1", "r1", 1795132800000L, 1795220000000L))
				.codeReview(new CodeReview("t1", "r3", 1795221000000L, null));
		}

		// when
		NightChanges changes = NightComparison.compare(tonight, before, recorder);

		// then the header, item by item, and the counts
		assertThat(changes.night()).isEqualTo(TONIGHT);
		assertThat(changes.consecutive()).isTrue();
		assertThat(changes.header()).filteredOn(HeaderField::changed)
			.containsExactly(new HeaderField("installationVersion", "8.2.26", "8.2.27"));
		assertThat(changes.integrationsAdded()).containsExactly("trello");
		assertThat(changes.integrationsRemoved()).containsExactly("jira");
		assertThat(recorder.items).containsExactly("companies c2 CHANGED: plan 14DAYTRIAL->30DAYTRIAL",
				"teams t1 CHANGED: name Platform->Platform 2", "teams t3 NEW", "users u2 CHANGED: isAdmin false->true",
				"users u3 CHANGED: email null->cy@x.example", "users u4 REMOVED", "users u5 NEW",
				"codeReviews r1 CHANGED: approvedAt null->1795220000000", "codeReviews r2 REMOVED",
				"codeReviews r3 NEW");
		assertThat(changes.section("users")).satisfies(users -> {
			assertThat(users.added()).isEqualTo(1);
			assertThat(users.removed()).isEqualTo(1);
			assertThat(users.changed()).isEqualTo(2);
			assertThat(users.unchanged()).isEqualTo(1);
			// u1's counts and lastLogin changed: activity, not a change of u1; u5 is new, so not counted there
			assertThat(users.activityChanged()).isEqualTo(1);
			assertThat(users.fieldsChanged()).containsExactly(Map.entry("isAdmin", 1L), Map.entry("email", 1L));
			assertThat(users.listed()).isEmpty();
		});
		assertThat(changes.section("teams").listed()).containsExactly(
				new ListedItem("t1", "Platform 2", ChangeKind.CHANGED, List.of("name")),
				new ListedItem("t3", "Firmware", ChangeKind.NEW, List.of()));
		assertThat(changes.decision().changed()).isFalse();
		assertThat(changes.decision().planChanges()).containsExactly(
				new PlanChange("c2", "Company c2", ChangeKind.CHANGED, "14DAYTRIAL", "30DAYTRIAL"));
		// and the addresses: u3's was added, u5 is new; u2's is the same as before
		assertThat(recorder.emails).containsExactly("u3 cy@x.example ADDRESS_ADDED", "u5 eve@x.example NEW_USER");
		assertThat(changes.emails().firstTimeByReason()).containsExactly(Map.entry("ADDRESS_ADDED", 1L),
				Map.entry("NEW_USER", 1L));
		assertThat(changes.emails().statusChanges()).containsExactly(Map.entry("NO_EMAIL_ON_RECORD -> SENT", 1L));
		assertThat(changes.oneLine()).isEqualTo("since 2026-11-20: installationVersion 8.2.26 -> 8.2.27, +trello, "
				+ "-jira, emails still included, companies +0 -0 ~1, teams +1 -0 ~1, users +1 -1 ~2 (activity 1), "
				+ "codeReviews +1 -1 ~1, 2 addresses sent for the first time");
	}

	@Test
	void aNightTurningPaidShouldChangeTheDecisionAndNotEveryUser() {
		// given a free night, then the same installation with c1 on BUSINESS: no address is sent any more
		Path before = baseline(folder.resolve("before.json"));
		Path tonight = folder.resolve("tonight.json");
		try (PayloadFile p = PayloadFile.create(tonight, TONIGHT, "8.2.26", false, List.of("github", "jira"))) {
			p.company(company("c1", "BUSINESS")).company(company("c2", "14DAYTRIAL"));
			p.team(team("t1", "Platform")).team(team("t2", "Mobile"));
			p.user(user("u1", null, false, 1, null))
				.user(user("u2", null, false, 0, null))
				.user(user("u3", null, false, 0, null))
				.user(user("u4", null, false, 0, null));
		}

		// when
		NightChanges changes = NightComparison.compare(tonight, before, recorder);

		// then
		assertThat(changes.decision().changed()).isTrue();
		assertThat(changes.decision().emailsIncludedAfter()).isFalse();
		assertThat(changes.decision().describe()).isEqualTo("emails now redacted: the installation became paid; "
				+ "plans: Company c1 (c1): FREEPLAN -> BUSINESS");
		assertThat(changes.section("users").changed()).isZero();
		assertThat(changes.emails().statusChanges()).containsExactly(
				Map.entry("NO_EMAIL_ON_RECORD -> REDACTED_PAID_PLAN", 1L), Map.entry("SENT -> REDACTED_PAID_PLAN", 3L));
		assertThat(recorder.items).containsExactly("companies c1 CHANGED: plan FREEPLAN->BUSINESS",
				"codeReviews r1 REMOVED", "codeReviews r2 REMOVED");
		assertThat(changes.oneLine()).contains("emails now redacted");
	}

	@Test
	void aNightTurningFreeAgainShouldSendEveryAddressForTheFirstTime() {
		// given a paid night, then a free one
		Path before = folder.resolve("before.json");
		try (PayloadFile p = PayloadFile.create(before, BEFORE, "8.2.26", false, List.of())) {
			p.company(company("c1", "ENTERPRISE"));
			p.user(user("u1", null, false, 0, null)).user(user("u2", null, false, 0, null));
		}
		Path tonight = folder.resolve("tonight.json");
		try (PayloadFile p = PayloadFile.create(tonight, TONIGHT, "8.2.26", true, List.of())) {
			p.company(company("c1", "FREEPLAN"));
			p.user(user("u1", "ann@x.example", false, 0, null)).user(user("u2", null, false, 0, null));
		}

		// when
		NightChanges changes = NightComparison.compare(tonight, before, recorder);

		// then
		assertThat(changes.decision().describe()).startsWith("emails now included");
		assertThat(recorder.emails).containsExactly("u1 ann@x.example EMAILS_NOW_INCLUDED");
		assertThat(changes.emails().statusChanges()).containsExactly(
				Map.entry("REDACTED_PAID_PLAN -> NO_EMAIL_ON_RECORD", 1L), Map.entry("REDACTED_PAID_PLAN -> SENT", 1L));
		assertThat(recorder.items).containsExactly("companies c1 CHANGED: plan ENTERPRISE->FREEPLAN");
	}

	@Test
	void aNewCompanyOnAPaidPlanShouldExplainTheDecision() {
		// given
		Path before = baseline(folder.resolve("before.json"));
		Path tonight = folder.resolve("tonight.json");
		try (PayloadFile p = PayloadFile.create(tonight, TONIGHT, "8.2.26", false, List.of())) {
			p.company(company("c1", "FREEPLAN")).company(company("c2", "14DAYTRIAL")).company(company("c9", "GOLD"));
		}

		// when
		NightChanges changes = NightComparison.compare(tonight, before, recorder);

		// then an unknown plan counts as paid (when in doubt, no emails leave)
		assertThat(changes.decision().planChanges())
			.containsExactly(new PlanChange("c9", "Company c9", ChangeKind.NEW, null, "GOLD"));
		assertThat(changes.decision().describe())
			.isEqualTo("emails now redacted: the installation became paid; plans: new company Company c9 (c9) on GOLD");
	}

	@Test
	void theAuditCanDriveTheComparisonWhileItStreamsTonightsPayload() {
		// given
		Path before = baseline(folder.resolve("before.json"));
		Path tonight = folder.resolve("tonight.json");
		try (PayloadFile p = PayloadFile.create(tonight, TONIGHT, "8.2.26", true, List.of("github", "jira"))) {
			p.company(company("c1", "FREEPLAN")).company(company("c2", "FREEPLAN")).company(company("c3", null));
		}
		List<String> column = new ArrayList<>();

		// when the caller reads tonight's payload itself, as the audit's CSV writer does
		NightChanges changes;
		try (PayloadCursor cursor = PayloadCursor.open(tonight);
				NightComparison comparison = NightComparison.against(before, recorder)) {
			comparison.header(cursor.header());
			for (PayloadSection section; (section = cursor.section()) != null;) {
				Map<String, Object> item = cursor.nextItem();
				if (item != null) {
					ItemChange change = comparison.item(section, item);
					column.add(item.get("id") + " " + (change == null ? "" : change.label()));
				}
			}
			changes = comparison.finish();
		}

		// then every item of tonight has its change, and the removed ones reached the listener
		assertThat(column).containsExactly("c1 ", "c2 CHANGED: plan", "c3 NEW");
		assertThat(recorder.items).contains("teams t1 REMOVED", "users u4 REMOVED", "codeReviews r2 REMOVED");
		assertThat(changes.section("users").removed()).isEqualTo(4);
	}

	@Test
	void listsShouldBeCappedAndTheRestCounted() {
		// given
		Path before = folder.resolve("before.json");
		try (PayloadFile p = PayloadFile.create(before, BEFORE, "8.2.26", true, List.of())) {
			p.company(company("c1", "FREEPLAN"));
		}
		Path tonight = folder.resolve("tonight.json");
		try (PayloadFile p = PayloadFile.create(tonight, TONIGHT, "8.2.26", true, List.of())) {
			p.company(company("c1", "FREEPLAN"));
			for (int i = 0; i < NightChanges.LIST_CAP + 10; i++) {
				p.team(team(String.format("t%03d", i), "Team " + i));
			}
		}

		// when
		NightChanges changes = NightComparison.compare(tonight, before, recorder);

		// then
		SectionChanges teams = changes.section("teams");
		assertThat(teams.added()).isEqualTo(NightChanges.LIST_CAP + 10);
		assertThat(teams.listed()).hasSize(NightChanges.LIST_CAP);
		assertThat(teams.notListed()).isEqualTo(10);
		assertThat(recorder.items).hasSize(NightChanges.LIST_CAP + 10);
	}

	@Test
	void theSummaryShouldHoldNoAddressAndReadBackAsItWasWritten() {
		// given
		Path before = baseline(folder.resolve("before.json"));
		Path tonight = folder.resolve("tonight.json");
		try (PayloadFile p = PayloadFile.create(tonight, TONIGHT, "8.2.26", true, List.of("github", "jira"))) {
			p.company(company("c1", "FREEPLAN"));
			p.user(user("u1", "changed@x.example", false, 0, null)).user(user("u7", "new@x.example", false, 0, null));
		}
		NightChanges changes = NightComparison.compare(tonight, before, recorder);
		JsonMapper json = JsonMapper.builder().build();

		// when
		String recorded = json.writeValueAsString(changes);

		// then
		assertThat(recorder.emails).hasSize(2);
		assertThat(recorded).doesNotContain("@").contains("\"firstTimeSent\":2");
		// and what is streamed never shows an address when printed by accident (a log line, an exception)
		assertThat(recorder.printed)
			.contains("ItemChange[users u1 CHANGED: email][FieldChange[email]]", "FirstTimeEmail[userId=u7, reason=NEW_USER]")
			.noneMatch(text -> text.contains("@"));
		assertThat(json.readValue(recorded, NightChanges.class)).isEqualTo(changes);
	}

	@Test
	void theDigestShouldChangeWithTheListsAndOnlyWithThem() {
		// given
		Path before = baseline(folder.resolve("before.json"));
		Path same = baseline(folder.resolve("same.json"));
		Path other = folder.resolve("other.json");
		try (PayloadFile p = PayloadFile.create(other, TONIGHT, "8.2.26", true, List.of("github", "jira"))) {
			p.company(company("c1", "FREEPLAN"));
		}

		// when / then
		String unchanged = NightComparison.compare(same, before, ChangeListener.NONE).sha256();
		assertThat(NightComparison.compare(before, same, ChangeListener.NONE).sha256()).isEqualTo(unchanged)
			.hasSize(64);
		assertThat(NightComparison.compare(other, before, ChangeListener.NONE).sha256()).isNotEqualTo(unchanged);
	}

	@Test
	void anUnsortedPayloadShouldBeRefusedNamingTheFileAndTheIds() throws Exception {
		// given
		Path sorted = baseline(folder.resolve("sorted.json"));
		Path unsorted = folder.resolve("unsorted.json");
		try (PayloadFile p = PayloadFile.create(unsorted, BEFORE, "8.2.26", true, List.of())) {
			p.company(company("c2", "FREEPLAN")).company(company("c1", "FREEPLAN"));
		}

		// when / then
		assertThatThrownBy(() -> NightComparison.compare(sorted, unsorted, recorder))
			.isInstanceOf(OutOfOrderException.class)
			.hasMessageContaining(unsorted.toString())
			.hasMessageContaining("in companies, 'c1' comes after 'c2'");
		assertThatThrownBy(() -> NightComparison.compare(unsorted, sorted, recorder))
			.isInstanceOf(OutOfOrderException.class)
			.hasMessageContaining(unsorted.toString());
		assertThat(Files.exists(sorted)).isTrue();
	}

	@Test
	void idsShouldBeComparedInCodePointOrder() {
		// U+FB01 sorts before U+1F600 by code point, although its UTF-16 unit is above the surrogates
		assertThat(IdOrder.compare("\uFB01", "\uD83D\uDE00")).isNegative();
		assertThat("\uFB01".compareTo("\uD83D\uDE00")).isPositive();
		assertThat(IdOrder.compare("6b01", "6b02")).isNegative();
		assertThat(IdOrder.compare("6b0", "6b01")).isNegative();
		assertThat(IdOrder.compare("abc", "abc")).isZero();
	}

	@Test
	void withoutABaselineNothingShouldBeInvented() {
		NightChanges first = NightChanges.withoutBaseline(TONIGHT);

		assertThat(first.hasBaseline()).isFalse();
		assertThat(first.sections()).isEmpty();
		assertThat(first.oneLine()).isEqualTo("no earlier night to compare with");
	}

	/** Night 2026-11-20: two companies (free), two teams, four users (one without an address), two reviews. */
	private static Path baseline(Path file) {
		try (PayloadFile p = PayloadFile.create(file, BEFORE, "8.2.26", true, List.of("github", "jira"))) {
			p.company(company("c1", "FREEPLAN")).company(company("c2", "14DAYTRIAL"));
			p.team(team("t1", "Platform")).team(team("t2", "Mobile"));
			p.user(user("u1", "ann@x.example", false, 1, 1795160000000L))
				.user(user("u2", "bob@x.example", false, 0, null))
				.user(user("u3", null, false, 0, null))
				.user(user("u4", "dan@x.example", false, 0, null));
			p.codeReview(new CodeReview("t1", "r1", 1795132800000L, null))
				.codeReview(new CodeReview("t2", "r2", 1795140000000L, 1795150000000L));
		}
		return file;
	}

	private static Company company(String id, String plan) {
		return new Company(id, "Company " + id, false, 1760000000000L, "u1", plan);
	}

	private static Team team(String id, String name) {
		return new Team(id, name, "c1", false, 1760000000000L, "u1", null, null, null);
	}

	private static User user(String id, String email, boolean admin, long codemarks, Long lastLogin) {
		return new User(id, email, true, false, admin, 1760000000000L, "Added to Team", lastLogin, "VS Code",
				"Visual Studio Code", codemarks, 0, 0, 0);
	}

	/** What the comparison streamed, in order, as short lines. */
	private static final class Recorder implements ChangeListener {

		final List<String> items = new ArrayList<>();

		final List<String> emails = new ArrayList<>();

		final List<String> printed = new ArrayList<>();

		@Override
		public void itemChanged(ItemChange change) {
			printed.add(change.toString() + change.fields());
			StringBuilder line = new StringBuilder(change.section().key() + " " + change.id() + " " + change.kind());
			change.fields().forEach(f -> line.append(": ").append(f.field()).append(' ').append(f.before())
				.append("->").append(f.after()));
			items.add(line.toString());
		}

		@Override
		public void emailSentFirstTime(FirstTimeEmail email) {
			printed.add(email.toString());
			emails.add(email.userId() + " " + email.address() + " " + email.reason());
		}

	}

}
