package dev.phonehome.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

import dev.phonehome.record.SourceKind;
import dev.phonehome.record.SourceOrigin;
import dev.phonehome.settings.MongoOptions;
import dev.phonehome.settings.ServicesConfigReader;

/**
 * The source rule (issue 12 §1): {@code --source} &gt; {@code phonehome.source} &gt; the services config's
 * {@code storage.mongo.url} &gt; the embedded store, each decision with its origin in one sentence, never with a
 * password.
 */
class SourceSelectionTests {

	private static final String LIVE = "mongodb://phonehome:s3cret@db1:27017/codestream";

	@TempDir
	Path folder;

	private SourceDecision decide(String flag, String property, String deprecated, String config) {
		return SourceSelection.decide(flag, property, deprecated, config, MongoOptions.DEFAULTS, Map.of());
	}

	private String config(String storage) throws IOException {
		Path file = folder.resolve("codestream-services-config.json");
		Files.writeString(file, "{\"sharedGeneral\": {\"installationId\": \"abc\"}" + storage + "}");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		return file.toString();
	}

	@Test
	void flagShouldWinOverEverythingElse() throws IOException {
		SourceDecision decision = decide("embedded", LIVE, LIVE, config(", \"storage\": {\"mongo\": {\"url\": \"" + LIVE + "\"}}"));

		assertThat(decision.kind()).isEqualTo(SourceKind.EMBEDDED);
		assertThat(decision.origin()).isEqualTo(SourceOrigin.FLAG);
		assertThat(decision.describe()).isEqualTo("embedded store (--source embedded)");
	}

	@Test
	void propertyShouldWinOverTheConfig() throws IOException {
		SourceDecision decision = decide(null, "mongodb://other:27017/cs", null,
				config(", \"storage\": {\"mongo\": {\"url\": \"" + LIVE + "\"}}"));

		assertThat(decision.kind()).isEqualTo(SourceKind.MONGODB);
		assertThat(decision.origin()).isEqualTo(SourceOrigin.PROPERTY);
		assertThat(decision.describe())
			.isEqualTo("live MongoDB from the property phonehome.source (mongodb://other:27017/cs), database cs");
	}

	@Test
	void oldPropertyNameShouldStillWorkAndSaySo() {
		SourceDecision decision = decide(null, null, "mongodb://other:27017/cs", null);

		assertThat(decision.origin()).isEqualTo(SourceOrigin.PROPERTY);
		assertThat(decision.describe()).startsWith(
				"live MongoDB from the property phonehome.source.mongodb-uri (deprecated: use phonehome.source)");
	}

	@Test
	void storageMongoUrlOfTheConfigShouldBeTheDefaultWithItsCaFile() throws IOException {
		String config = config(", \"storage\": {\"mongo\": {\"url\": \"" + LIVE + "\", \"tlsCAFile\": \"/opt/config/ca.pem\"}}");

		SourceDecision decision = decide(null, null, null, config);

		assertThat(decision.kind()).isEqualTo(SourceKind.MONGODB);
		assertThat(decision.origin()).isEqualTo(SourceOrigin.CONFIG);
		assertThat(decision.database()).isEqualTo("codestream");
		assertThat(decision.tlsCaFile()).isEqualTo(Path.of("/opt/config/ca.pem"));
		assertThat(decision.problem()).isNull();
		assertThat(decision.describe()).isEqualTo("live MongoDB from storage.mongo.url of " + config
				+ " (mongodb://phonehome:****@db1:27017/codestream), database codestream")
			.doesNotContain("s3cret");
		assertThat(decision.toString()).doesNotContain("s3cret");
	}

	@Test
	void configWithoutStorageMongoUrlShouldMeanTheEmbeddedStore() throws IOException {
		String config = config("");

		SourceDecision decision = decide(null, "", null, config);

		assertThat(decision.kind()).isEqualTo(SourceKind.EMBEDDED);
		assertThat(decision.origin()).isEqualTo(SourceOrigin.DEFAULT);
		assertThat(decision.describe()).isEqualTo(
				"embedded store (no --source, no phonehome.source, and " + config + " names no storage.mongo.url)");
	}

	@Test
	void unreadableConfigShouldLeaveTheEmbeddedStoreForRunToRefuse() throws IOException {
		String config = config(", \"storage\": {\"mongo\": {\"url\": \"" + LIVE + "\"}},}}");

		SourceDecision decision = decide(null, null, null, config);

		assertThat(decision.kind()).isEqualTo(SourceKind.EMBEDDED);
		assertThat(decision.origin()).isEqualTo(SourceOrigin.DEFAULT);
		assertThat(decision.describe()).contains("could not be read when phonehome started").doesNotContain("s3cret");
		// the run reads the same config again: it reports the syntax error, or, if it reads now, the conflict
		assertThat(decision.conflictWith(ServicesConfigReader.read(Path.of(config(", \"storage\": {\"mongo\": {\"url\": \""
				+ LIVE + "\"}}")), Map.of())))
			.get()
			.asString()
			.contains("names storage.mongo.url mongodb://phonehome:****@db1:27017/codestream")
			.doesNotContain("s3cret");
	}

	@Test
	void valueThatIsNeitherShouldBeAProblemThatShowsItMasked() {
		SourceDecision decision = decide(null, "postgres://u:s3cret@db/x", null, null);

		assertThat(decision.problem()).isEqualTo("the property phonehome.source is postgres://****@db/x, which is "
				+ "neither 'embedded' nor a MongoDB connection string (mongodb://... or mongodb+srv://...)");
	}

	@Test
	void uriThatDoesNotParseShouldBeAProblemWithoutThePassword() {
		SourceDecision decision = decide("mongodb://u:pa?ss@host/db", null, null, null);

		assertThat(decision.kind()).isEqualTo(SourceKind.MONGODB);
		assertThat(decision.describe()).isEqualTo("live MongoDB from --source (mongodb://u:****@host/db)");
		assertThat(decision.problem()).startsWith("the MongoDB of --source: mongodb://u:****@host/db: not a valid MongoDB "
				+ "connection string")
			.doesNotContain("pa?ss")
			.doesNotContain("ss@");
	}

	@Test
	void decisionShouldBeTakenOncePerEnvironment() {
		MockEnvironment environment = new MockEnvironment().withProperty(SourceSelection.SOURCE, "embedded");

		SourceDecision first = SourceSelection.decision(environment);
		environment.setProperty(SourceSelection.SOURCE, LIVE);

		assertThat(SourceSelection.decision(environment)).isSameAs(first);
	}

}
