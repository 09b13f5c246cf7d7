package dev.phonehome.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.phonehome.PhoneHomeTestSupport;
import dev.phonehome.testing.DumpFixture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The contract's rules, each on the smallest data that shows it, through the real import and the real job on the
 * embedded store. The night is 2021-03-15: window [1615766400000, 1615852800000).
 */
class PayloadRulesFunctionalTests extends PhoneHomeTestSupport {

	private static final long START = 1615766400000L;

	private static final long END = 1615852800000L;

	@TempDir
	Path folder;

	@Test
	void postsShouldCountOnceByTheFirstRuleThatApplies() {
		// given
		DumpFixture dump = new DumpFixture().company("{\"_id\": \"c1\", \"plan\": \"FREEPLAN\"}")
			.user("{\"_id\": \"u1\"}")
			.user("{\"_id\": \"u2\"}")
			.codemark("{\"_id\": \"cm-in-review\", \"reviewId\": \"r1\"}")
			.codemark("{\"_id\": \"cm-plain\"}")
			// reviewId wins over everything else
			.post(post("p1", "u1", START, "\"reviewId\": \"r1\", \"codemarkId\": \"cm-plain\", \"parentPostId\": \"x\""))
			// codemark with a review -> codemarksInReviews, even when it is a reply
			.post(post("p2", "u1", START + 1, "\"codemarkId\": \"cm-in-review\", \"parentPostId\": \"p1\""))
			.post(post("p3", "u1", START + 2, "\"codemarkId\": \"cm-plain\""))
			// a codemark that cannot be found: not counted at all
			.post(post("p4", "u1", START + 3, "\"codemarkId\": \"missing\", \"parentPostId\": \"p1\""))
			.post(post("p5", "u1", START + 4, "\"parentPostId\": \"p1\""))
			// a top-level message is not a reply
			.post(post("p6", "u1", START + 5, ""))
			// a creator who is not a user is not counted anywhere
			.post(post("p7", "ghost", START + 6, "\"parentPostId\": \"p1\""))
			.post(post("p8", "u2", START + 7, "\"reviewId\": \"r2\""));

		// when
		JsonNode payload = runNight(dump, "");

		// then
		JsonNode u1 = payload.get("users").get(0);
		assertThat(u1.get("id").asString()).isEqualTo("u1");
		assertThat(counts(u1)).isEqualTo("codemarks=1 codemarksInReviews=1 reviews=1 replies=1");
		assertThat(counts(payload.get("users").get(1))).isEqualTo("codemarks=0 codemarksInReviews=0 reviews=1 replies=0");
	}

	@Test
	void windowShouldIncludeItsFirstMillisecondAndExcludeTheNextMidnight() {
		// given
		DumpFixture dump = new DumpFixture().user("{\"_id\": \"u1\"}")
			.post(post("before", "u1", START - 1, "\"parentPostId\": \"x\""))
			.post(post("first", "u1", START, "\"parentPostId\": \"x\""))
			.post(post("last", "u1", END - 1, "\"parentPostId\": \"x\""))
			.post(post("next-midnight", "u1", END, "\"parentPostId\": \"x\""))
			.review("{\"_id\": \"r-created-at-start\", \"teamId\": \"t1\", \"createdAt\": " + START + "}")
			.review("{\"_id\": \"r-approved-at-end\", \"teamId\": \"t1\", \"createdAt\": 1, \"approvedAt\": " + END + "}")
			.review("{\"_id\": \"r-approved-inside\", \"teamId\": \"t1\", \"createdAt\": 1, \"approvedAt\": " + (END - 1) + "}")
			.review("{\"_id\": \"r-created-and-approved-inside\", \"createdAt\": " + (START + 5) + ", \"approvedAt\": " + (START + 9) + "}");

		// when
		JsonNode payload = runNight(dump, "");

		// then
		assertThat(payload.get("date").asLong()).isEqualTo(START);
		assertThat(payload.get("users").get(0).get("replies").asLong()).isEqualTo(2);
		assertThat(payload.get("codeReviews").findValuesAsString("reviewId")).containsExactly("r-approved-inside",
				"r-created-and-approved-inside", "r-created-at-start");
		JsonNode review = payload.get("codeReviews").get(2);
		assertThat(review.get("teamId").asString()).isEqualTo("t1");
		assertThat(review.get("approvedAt").isNull()).isTrue();
	}

	@Test
	void adminShouldNeedBothTheTeamsAdminIdsAndTheUsersTeamIds() {
		// given
		DumpFixture dump = new DumpFixture().team("{\"_id\": \"t1\", \"adminIds\": [\"admin\", \"not-member\"]}")
			.team("{\"_id\": \"t2\", \"deactivated\": true, \"adminIds\": [\"admin-of-deactivated\"]}")
			.user("{\"_id\": \"admin\", \"teamIds\": [\"t1\"]}")
			.user("{\"_id\": \"admin-of-deactivated\", \"teamIds\": [\"t2\"]}")
			.user("{\"_id\": \"member\", \"teamIds\": [\"t1\"]}")
			.user("{\"_id\": \"not-member\", \"teamIds\": [\"t2\"]}");

		// when
		JsonNode users = runNight(dump, "").get("users");

		// then: sorted by id as strings
		assertThat(users.findValuesAsString("id")).containsExactly("admin", "admin-of-deactivated", "member",
				"not-member");
		assertThat(users.findValues("isAdmin")).extracting(JsonNode::asBoolean)
			.containsExactly(true, true, false, false);
	}

	@Test
	void missingValuesShouldBeNullOrTheContractDefaults() {
		// given
		DumpFixture dump = new DumpFixture().company("{\"_id\": \"c1\"}")
			.team("{\"_id\": \"t1\", \"settings\": {\"xray\": \"\", \"reviewAssignment\": \"roundRobin\"}}")
			.user("{\"_id\": \"u1\"}");

		// when
		JsonNode payload = runNight(dump, "");

		// then
		assertThat(payload.get("installationVersion").asString()).isEqualTo("NA");
		assertThat(payload.get("outboundEmailEnabled").asBoolean()).isTrue();
		assertThat(payload.get("slackInteractiveComponentsEnabled").asBoolean()).isFalse();
		assertThat(payload.get("integrations")).isEmpty();
		assertThat(payload.get("companies").get(0).toString()).isEqualTo(
				"{\"id\":\"c1\",\"name\":null,\"isDeactivated\":false,\"createdAt\":null,\"creatorId\":null,\"plan\":null}");
		assertThat(payload.get("teams").get(0).toString()).isEqualTo("{\"id\":\"t1\",\"name\":null,\"companyId\":null,"
				+ "\"isDeactivated\":false,\"createdAt\":null,\"creatorId\":null,\"liveView\":\"user\","
				+ "\"codeReviewApproval\":\"user\",\"codeReviewAssignment\":\"roundRobin\"}");
		assertThat(payload.get("users").get(0).toString()).isEqualTo("{\"id\":\"u1\",\"email\":null,"
				+ "\"isRegistered\":false,\"isDeactivated\":false,\"isAdmin\":false,\"registeredAt\":null,"
				+ "\"joinMethod\":null,\"lastLogin\":null,\"lastOrigin\":null,\"lastOriginDetail\":null,"
				+ "\"codemarks\":0,\"codemarksInReviews\":0,\"reviews\":0,\"replies\":0}");
	}

	@Test
	void integrationsShouldListProvidersWithATokenSortedAndUnique() {
		// given
		DumpFixture dump = new DumpFixture()
			.user("{\"_id\": \"u1\", \"providerInfo\": {\"t1\": {\"slack\": {\"multiple\": {\"W\": {\"accessToken\": \"x\"}}},"
					+ " \"jiraserver\": {\"hosts\": {\"h\": {\"accessToken\": \"x\"}}}}, \"bitbucket\": {\"accessToken\": \"x\"}}}")
			.user("{\"_id\": \"u2\", \"providerInfo\": {\"t1\": {\"github\": {\"accessToken\": \"x\"}, \"slack\": {\"accessToken\": \"y\"}}}}");

		// when
		JsonNode payload = runNight(dump, "");

		// then
		assertThat(payload.get("integrations").toString()).isEqualTo("[\"github\",\"slack\"]");
	}

	@Test
	void paidInstallationShouldSendNoEmailKeyAndFreeOneAnEmailForEveryUser() {
		// given
		DumpFixture free = new DumpFixture().company("{\"_id\": \"c1\", \"plan\": \"14DAYTRIAL\"}")
			.user("{\"_id\": \"u1\", \"email\": \"a@example.com\"}")
			.user("{\"_id\": \"u2\"}");
		DumpFixture paid = new DumpFixture().company("{\"_id\": \"c1\", \"plan\": \"14DAYTRIAL\"}")
			.company("{\"_id\": \"c2\", \"plan\": \"ENTERPRISE\", \"deactivated\": true}")
			.user("{\"_id\": \"u1\", \"email\": \"a@example.com\"}");

		// when
		JsonNode freePayload = runNight(free, "");
		JsonNode paidPayload = runNight(paid, "");

		// then
		assertThat(freePayload.get("users").findValues("email")).extracting(JsonNode::toString)
			.containsExactly("\"a@example.com\"", "null");
		assertThat(paidPayload.get("users").get(0).has("email")).isFalse();
		assertThat(paidPayload.toString()).doesNotContain("a@example.com");
	}

	@Test
	void instanceSettingsShouldComeFromTheServicesConfig() {
		// given
		DumpFixture dump = new DumpFixture();
		String settings = "\"email\": {\"suppressEmails\": true},"
				+ " \"integrations\": {\"slack\": {\"cloud\": {\"interactiveComponentsEnabled\": true}}}";

		// when
		JsonNode payload = runNight(dump, settings);

		// then
		assertThat(payload.get("installationId").asString()).isEqualTo("inst-1");
		assertThat(payload.get("outboundEmailEnabled").asBoolean()).isFalse();
		assertThat(payload.get("slackInteractiveComponentsEnabled").asBoolean()).isTrue();
	}

	private JsonNode runNight(DumpFixture dump, String configMembers) {
		Path dumpFolder = dump.writeTo(folder.resolve("dump-" + System.nanoTime()));
		CliResult imported = cli("import", "--from", dumpFolder.toString());
		assertThat(imported.exitCode()).as(imported.err()).isZero();
		Path config = DumpFixture.config(folder.resolve("config-" + System.nanoTime()), "inst-1", configMembers);
		Path out = folder.resolve("out-" + System.nanoTime());
		CliResult run = cli("run", "--date", "2021-03-15", "--dry-run", "--out", out.toString(), "--config",
				config.toString());
		assertThat(run.exitCode()).as(run.err()).isZero();
		return JsonMapper.builder().build().readTree(out.resolve("payload.json").toFile());
	}

	private static String post(String id, String creator, long createdAt, String fields) {
		return "{\"_id\": \"" + id + "\", \"creatorId\": \"" + creator + "\", \"createdAt\": " + createdAt
				+ (fields.isEmpty() ? "" : ", " + fields) + "}";
	}

	private static String counts(JsonNode user) {
		return "codemarks=" + user.get("codemarks") + " codemarksInReviews=" + user.get("codemarksInReviews")
				+ " reviews=" + user.get("reviews") + " replies=" + user.get("replies");
	}

}
