package dev.phonehome.source.mongo;

import static dev.phonehome.source.StreamReaders.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import dev.phonehome.installation.InstallationCollection;
import dev.phonehome.installation.ProviderTokens;
import dev.phonehome.record.NightWindow;
import dev.phonehome.source.User;

/**
 * The MongoDB night's own queries on the in-process server: the users reader's single pass over the night's posts
 * (the {@code _id} range and its margin, resuming after a failure), and the integrations derived inside MongoDB by
 * the import's token rule.
 */
class MongoNightQueriesTests {

	private static final NightWindow NIGHT = NightWindow.of(LocalDate.parse("2026-11-20"));

	private MongoInstallation mongo;

	@TempDir
	Path folder;

	@BeforeEach
	void edgeCases() {
		InProcessMongo.load(EdgeCaseDump.writeTo(folder.resolve("dump")));
		mongo = new MongoInstallation(InProcessMongo.uri(), Duration.ofSeconds(2));
	}

	@AfterEach
	void close() {
		mongo.close();
	}

	@Test
	void usersShouldBeReadWithOnePassOverThePostsWhateverTheBatchSize() throws Exception {
		InProcessMongo.BACKEND.reset();

		List<User> users = readAll(reader(2, Duration.ofDays(7)), new ExecutionContext());

		assertThat(users).extracting(User::id).hasSize(5);
		assertThat(InProcessMongo.BACKEND.passes("aggregate", "posts")).isEqualTo(1);
		assertThat(InProcessMongo.BACKEND.passes("find", "posts")).isEqualTo(1); // the contract check
	}

	@Test
	void aPostWhoseObjectIdIsOlderThanTheMarginShouldNotBeCounted() throws Exception {
		// given: a review post of the night whose ObjectId was made 30 days before it
		long before = reviews(readAll(reader(2, Duration.ofDays(7)), new ExecutionContext()), EdgeCaseDump.U2);
		String oldId = MongoQueries.firstObjectIdOf(NIGHT.start().minus(Duration.ofDays(30))).toHexString();
		InProcessMongo.collection(InstallationCollection.POSTS)
			.insertOne(BsonDocument.parse("{_id: ObjectId('" + oldId + "'), creatorId: '" + EdgeCaseDump.U2
					+ "', createdAt: " + (NIGHT.startMillis() + 5) + ", reviewId: 'r-old'}"));

		// then: the 7-day margin leaves it out; a 31-day margin reaches it
		assertThat(reviews(readAll(reader(2, Duration.ofDays(7)), new ExecutionContext()), EdgeCaseDump.U2))
			.isEqualTo(before);
		assertThat(reviews(readAll(reader(2, Duration.ofDays(31)), new ExecutionContext()), EdgeCaseDump.U2))
			.isEqualTo(before + 1);
	}

	@Test
	void aFailedStepShouldResumeAfterItsLastCommittedUserWithTheSameUsers() throws Exception {
		// given: a first attempt committed 3 users, then failed
		ExecutionContext committed = new ExecutionContext();
		MongoUsersReader first = reader(2, Duration.ofDays(7));
		first.open(committed);
		List<User> written = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			written.add(first.read());
		}
		first.update(committed);
		first.read();
		first.close();

		// when
		written.addAll(readAll(reader(2, Duration.ofDays(7)), committed));

		// then
		assertThat(written).isEqualTo(readAll(reader(2, Duration.ofDays(7)), new ExecutionContext()));
	}

	@Test
	void integrationsShouldBeTheImportsProvidersWithoutFetchingAnyProviderInfo() {
		// given: every shape the rule tells apart, and some it must survive
		InProcessMongo.collection(InstallationCollection.USERS).deleteMany(new BsonDocument());
		List<String> providerInfos = List.of(
				"{t1: {github: {accessToken: 'x'}, gitlab: {accessToken: ''}, jira: {accessToken: null}}}",
				"{t1: {slack: {multiple: {w1: {accessToken: ''}, w2: {accessToken: 'y'}}}}}",
				"{t1: {msteams: {multiple: 'odd'}, bitbucket: {multiple: ['odd']}, linear: {multiple: {w: 'odd'}}}}",
				"{t1: {github_enterprise: {hosts: {'h.example': {accessToken: 'z'}}}}}",
				"{trello: {accessToken: 'sign-in', userId: 'u'}}",
				"{t2: 'odd', t3: {asana: 'odd', youtrack: {accessToken: 5}, newrelic: {accessToken: 'n'}}}");
		Set<String> expected = new TreeSet<>();
		int u = 0;
		for (String providerInfo : providerInfos) {
			BsonDocument info = BsonDocument.parse(providerInfo);
			expected.addAll(ProviderTokens.providersWithToken(info));
			InProcessMongo.collection(InstallationCollection.USERS)
				.insertOne(new BsonDocument("_id", new org.bson.BsonString("u" + u++)).append("providerInfo", info));
		}
		InProcessMongo.collection(InstallationCollection.USERS)
			.insertOne(BsonDocument.parse("{_id: 'u-string-info', providerInfo: 'odd'}"));
		InProcessMongo.collection(InstallationCollection.USERS).insertOne(BsonDocument.parse("{_id: 'u-none'}"));
		InProcessMongo.BACKEND.reset();

		// when
		List<String> integrations = new MongoInstallationSource(mongo, 2, new dev.phonehome.source.SourceDecision(
				dev.phonehome.record.SourceKind.MONGODB, dev.phonehome.record.SourceOrigin.FLAG, "--source",
				InProcessMongo.uri(), InProcessMongo.uri(), "codestream", null, null)).integrations();

		// then: the import's rule, and the users were only aggregated, never fetched
		assertThat(expected).containsExactly("github", "newrelic", "slack");
		assertThat(integrations).containsExactlyElementsOf(expected);
		assertThat(InProcessMongo.BACKEND.passes("find", "users")).isZero();
		assertThat(InProcessMongo.BACKEND.passes("aggregate", "users")).isEqualTo(1);
	}

	private MongoUsersReader reader(int batchSize, Duration idMargin) {
		return new MongoUsersReader(mongo, NIGHT, true, batchSize, idMargin);
	}

	private static long reviews(List<User> users, String id) {
		return users.stream().filter(u -> u.id().equals(id)).findFirst().orElseThrow().reviews();
	}

}
