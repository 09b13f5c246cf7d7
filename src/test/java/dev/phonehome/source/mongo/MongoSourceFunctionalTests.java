package dev.phonehome.source.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.phonehome.PhoneHomeTestSupport;
import dev.phonehome.installation.InstallationCollection;
import dev.phonehome.source.SourceSelection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * End to end with MongoDB as the source: the demo dumps loaded into an in-process MongoDB give the same payload
 * bytes as the embedded store's golden payloads; bad documents and a missing collection fail the night clearly.
 */
class MongoSourceFunctionalTests extends PhoneHomeTestSupport {

	private static final Path GOLDEN = Path.of("src/test/resources/golden");

	@DynamicPropertySource
	static void mongoSource(DynamicPropertyRegistry registry) {
		registry.add(SourceSelection.SOURCE, InProcessMongo::uri);
		registry.add("phonehome.mongodb.timeout", () -> "5s");
		// users in batches of 7: the night's posts must still be read once, not once per batch
		registry.add("phonehome.fetch-size", () -> "7");
	}

	private CliResult runNight(String variant, String date, Path out) {
		return cli("run", "--source", InProcessMongo.uri(), "--date", date, "--dry-run", "--out", out.toString(),
				"--config", demoConfig(variant));
	}

	@Test
	void freeNightShouldWriteTheEmbeddedStoresGoldenPayload(@TempDir Path out) throws Exception {
		// given
		InProcessMongo.load(DEMO.resolve("free"));
		InProcessMongo.BACKEND.reset();

		// when
		CliResult run = runNight("free", "2026-11-20", out);

		// then
		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(Files.readAllBytes(out.resolve("payload.json")))
			.isEqualTo(Files.readAllBytes(GOLDEN.resolve("demo-free-2026-11-20.payload.json")));
		assertThat(run.out()).contains("users         50", "emails included");
		// 50 users in 8 batches: one aggregation over the night's posts, and the contract check's one query
		assertThat(InProcessMongo.BACKEND.passes("aggregate", "posts")).isEqualTo(1);
		assertThat(InProcessMongo.BACKEND.passes("find", "posts")).isEqualTo(1);
	}

	@Test
	void paidNightShouldWriteTheEmbeddedStoresGoldenPayloadWithoutEmails(@TempDir Path out) throws Exception {
		// given
		InProcessMongo.load(DEMO.resolve("paid"));

		// when
		CliResult run = runNight("paid", "2026-11-20", out);

		// then
		assertThat(run.exitCode()).as(run.err()).isZero();
		byte[] payload = Files.readAllBytes(out.resolve("payload.json"));
		assertThat(payload).isEqualTo(Files.readAllBytes(GOLDEN.resolve("demo-paid-2026-11-20.payload.json")));
		assertThat(new String(payload)).doesNotContain("\"email\"").doesNotContain("@");
	}

	@Test
	void edgeCasesShouldGiveTheSamePayloadBytesAsTheEmbeddedStore(@TempDir Path folder) throws Exception {
		// given: the same dump imported into the embedded store, and loaded into MongoDB
		Path dump = EdgeCaseDump.writeTo(folder.resolve("dump"));
		byte[] expected = EmbeddedStoreRun.payload(dump, folder.resolve("embedded-home"), demoConfig("free"),
				"2026-11-20");
		InProcessMongo.load(dump);

		// when
		CliResult run = runNight("free", "2026-11-20", folder.resolve("out"));

		// then: byte for byte what the store gives, and that is what the rules say
		assertThat(run.exitCode()).as(run.err()).isZero();
		byte[] payload = Files.readAllBytes(folder.resolve("out").resolve("payload.json"));
		assertThat(new String(payload)).isEqualTo(new String(expected));
		JsonNode night = JsonMapper.builder().build().readTree(payload);
		assertThat(night.get("users").valueStream().map(u -> u.get("id").asString()))
			.containsExactly("0-user", EdgeCaseDump.U1, EdgeCaseDump.U2, "u-string-admin", "zz-user");
		assertThat(countsOf(night, EdgeCaseDump.U1)).isEqualTo("admin=true codemarks=1 inReviews=1 reviews=1 replies=1");
		assertThat(countsOf(night, EdgeCaseDump.U2)).isEqualTo("admin=false codemarks=0 inReviews=0 reviews=1 replies=0");
		assertThat(countsOf(night, "u-string-admin")).isEqualTo("admin=true codemarks=0 inReviews=1 reviews=0 replies=0");
		assertThat(countsOf(night, "zz-user")).isEqualTo("admin=false codemarks=0 inReviews=0 reviews=0 replies=1");
		assertThat(countsOf(night, "0-user")).isEqualTo("admin=false codemarks=1 inReviews=0 reviews=0 replies=0");
		assertThat(night.get("codeReviews").valueStream().map(r -> r.get("reviewId").asString()))
			.containsExactly("6d0000000000000000000001", "r-string");
		assertThat(night.get("integrations").valueStream().map(JsonNode::asString)).containsExactly("github", "slack");
	}

	private static String countsOf(JsonNode night, String userId) {
		JsonNode user = night.get("users")
			.valueStream()
			.filter(u -> u.get("id").asString().equals(userId))
			.findFirst()
			.orElseThrow();
		return "admin=" + user.get("isAdmin").asBoolean() + " codemarks=" + user.get("codemarks").asLong()
				+ " inReviews=" + user.get("codemarksInReviews").asLong() + " reviews=" + user.get("reviews").asLong()
				+ " replies=" + user.get("replies").asLong();
	}

	@Test
	void nightWithNoPostsShouldSendEveryUserWithZeroCounts(@TempDir Path out) throws Exception {
		// given
		InProcessMongo.load(DEMO.resolve("free"));
		InProcessMongo.collection(InstallationCollection.POSTS).deleteMany(new BsonDocument());

		// when
		CliResult run = runNight("free", "2026-11-20", out);

		// then
		assertThat(run.exitCode()).as(run.err()).isZero();
		JsonNode users = JsonMapper.builder().build().readTree(out.resolve("payload.json").toFile()).get("users");
		assertThat(users.size()).isEqualTo(50);
		for (JsonNode user : users) {
			for (String count : new String[] { "codemarks", "codemarksInReviews", "reviews", "replies" }) {
				assertThat(user.get(count).asLong()).as(user.get("id").asString() + " " + count).isZero();
			}
		}
	}

	@Test
	void nightShouldFailNamingCollectionIdAndFieldWhenAPostHasAWrongType(@TempDir Path out) {
		// given: a post of another night whose createdAt is a string (the import refuses it too)
		InProcessMongo.load(DEMO.resolve("free"));
		InProcessMongo.collection(InstallationCollection.POSTS)
			.insertOne(BsonDocument.parse("{_id: 'bad-post', creatorId: 'someone', createdAt: 'yesterday'}"));

		// when
		CliResult run = runNight("free", "2026-11-20", out);

		// then
		assertThat(run.exitCode()).as(run.err()).isEqualTo(4);
		assertThat(run.err()).contains("posts _id bad-post, field 'createdAt': expected a timestamp");
		assertThat(out.resolve("payload.json")).doesNotExist();
	}

	@Test
	void nightShouldFailWithAConfigurationErrorWhenACollectionIsMissing(@TempDir Path out) {
		// given
		InProcessMongo.load(DEMO.resolve("free"));
		InProcessMongo.collection(InstallationCollection.CODEMARKS).drop();

		// when
		CliResult run = runNight("free", "2026-11-20", out);

		// then
		assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
		assertThat(run.err()).contains("MongoDB " + InProcessMongo.uri(), "has no collection codemarks",
				"Check the database name in the URI");
	}

	@Test
	void sourceThatIsNotAMongoUriShouldBeAUsageError(@TempDir Path out) {
		// when
		CliResult run = cli("run", "--source", "postgresql://db/codestream", "--date", "2026-11-20", "--dry-run",
				"--out", out.toString(), "--config", demoConfig("free"));

		// then: refused before anything runs (CliRunner maps picocli's usage errors to 1 today, not USAGE's 2)
		assertThat(run.exitCode()).as(run.err()).isNotZero();
		assertThat(run.err()).contains("Invalid value for option '--source': --source takes a MongoDB connection string")
			.doesNotContain("postgresql://db");
	}

}
