package dev.phonehome.source.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonObjectId;
import org.bson.BsonValue;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

import dev.phonehome.PhoneHomeTestSupport;
import dev.phonehome.source.SourceSelection;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The live path as production runs it (issue 12 §1, §2, §4): no {@code --source}, no {@code phonehome.source};
 * the services config names {@code storage.mongo.url}, so the night reads that MongoDB, and says so. The config
 * itself may be kept in MongoDB ({@code structuredConfiguration}); the source only ever reads.
 */
@ExtendWith(OutputCaptureExtension.class)
class LiveSourceFunctionalTests extends PhoneHomeTestSupport {

	private static final Path GOLDEN = Path.of("src/test/resources/golden");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The demo's free config, naming the in-process MongoDB as storage.mongo.url, as a real one names its own. */
	private static final Path LIVE_CONFIG = LiveConfig.write();

	private static final Set<String> WRITE_COMMANDS = Set.of("insert", "update", "delete", "findAndModify",
			"findandmodify", "create", "createIndexes", "drop", "dropDatabase", "dropIndexes", "renameCollection",
			"collMod", "bulkWrite");

	@DynamicPropertySource
	static void liveDefault(DynamicPropertyRegistry registry) {
		// what PhoneHomeApplication finds in 'run --config FILE'; no --source, and the base class's
		// phonehome.source=embedded emptied, so the default rule decides
		registry.add(SourceSelection.CONFIG_FLAG, LIVE_CONFIG::toString);
		registry.add(SourceSelection.SOURCE, () -> "");
		registry.add("phonehome.mongodb.timeout", () -> "5s");
	}

	@TestConfiguration
	static class Listening {

		@Bean
		CommandRecorder commandRecorder() {
			return new CommandRecorder();
		}

	}

	/** Every command phonehome's own MongoDB clients send. */
	static class CommandRecorder implements CommandListener {

		final List<BsonDocument> commands = Collections.synchronizedList(new ArrayList<>());

		@Override
		public void commandStarted(CommandStartedEvent event) {
			commands.add(event.getCommand().clone());
		}

	}

	@Autowired
	CommandRecorder recorder;

	@TempDir
	Path folder;

	@BeforeEach
	void freshInstallation() {
		InProcessMongo.load(DEMO.resolve("free"));
		recorder.commands.clear();
	}

	@Test
	void storageMongoUrlOfTheConfigShouldBeReadLiveWithNoFlag() throws IOException {
		// when
		CliResult run = cli("run", "--date", "2026-11-20", "--dry-run", "--out", folder.toString(), "--config",
				LIVE_CONFIG.toString());

		// then: the demo's golden payload, read from MongoDB, and the summary says where from and why
		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(Files.readAllBytes(folder.resolve("payload.json")))
			.isEqualTo(Files.readAllBytes(GOLDEN.resolve("demo-free-2026-11-20.payload.json")));
		assertThat(run.out()).contains("  source        live MongoDB from storage.mongo.url of " + LIVE_CONFIG + " ("
				+ InProcessMongo.uri() + "), database codestream");
		assertReadOnly();
	}

	@Test
	void configInMongoDbShouldBeTheSelectedRevision(CapturedOutput output) {
		// given: two revisions; the selected one is the second
		insertConfig(liveConfigWith("rev-1-installation"), 1);
		ObjectId second = insertConfig(liveConfigWith("rev-2-installation"), 2);
		select(new BsonObjectId(second));

		// when
		CliResult run = cli("run", "--date", "2026-11-20", "--dry-run", "--out", folder.toString(), "--config",
				InProcessMongo.uri(), "--versions-file", DEMO.resolve("free/container-versions").toString());

		// then
		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(run.out()).contains("installation  rev-2-installation version 8.2.26");
		assertThat(output.getAll()).contains("services config: MongoDB " + InProcessMongo.uri()
				+ ", structuredConfiguration " + second.toHexString() + " revision 2");
		assertReadOnly();
	}

	@Test
	void mongoUrlFileBesideTheConfigPathShouldPointAtTheConfigInMongoDb(CapturedOutput output) throws IOException {
		// given: what the installer leaves after --upgrade-to-admin: mongo.url, and the file moved aside
		ObjectId serial = insertConfig(liveConfigWith("from-mongo-url"), 7);
		select(new BsonObjectId(serial));
		Files.writeString(folder.resolve("mongo.url"), InProcessMongo.uri() + "\n");
		Files.copy(DEMO.resolve("free/container-versions"), folder.resolve("container-versions"));

		// when
		CliResult run = cli("run", "--date", "2026-11-20", "--dry-run", "--out", folder.resolve("out").toString(),
				"--config", folder.resolve("codestream-services-config.json").toString());

		// then
		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(run.out()).contains("installation  from-mongo-url version 8.2.26");
		assertThat(output.getAll()).contains("services config: MongoDB " + InProcessMongo.uri() + " ("
				+ folder.resolve("mongo.url") + "), structuredConfiguration " + serial.toHexString() + " revision 7");
	}

	@Test
	void fileAndMongoDbConfigsWithTheSameSettingsShouldGiveTheSameBytes() throws IOException {
		// given: the file's configData, selected in MongoDB
		select(new BsonObjectId(insertConfig(Files.readString(LIVE_CONFIG), 3)));

		// when
		CliResult fromFile = cli("run", "--date", "2026-11-20", "--dry-run", "--out", folder.resolve("file").toString(),
				"--config", LIVE_CONFIG.toString());
		CliResult fromMongo = cli("run", "--date", "2026-11-20", "--dry-run", "--out",
				folder.resolve("mongo").toString(), "--config", InProcessMongo.uri(), "--versions-file",
				LIVE_CONFIG.resolveSibling("container-versions").toString());

		// then
		assertThat(fromFile.exitCode()).as(fromFile.err()).isZero();
		assertThat(fromMongo.exitCode()).as(fromMongo.err()).isZero();
		assertThat(Files.readAllBytes(folder.resolve("mongo/payload.json")))
			.isEqualTo(Files.readAllBytes(folder.resolve("file/payload.json")));
		assertReadOnly();
	}

	@Test
	void noSelectedConfigShouldStopTheNightBeforeAnythingIsArchived() {
		// given: a config document, but none selected
		insertConfig(liveConfigWith("never-selected"), 1);

		// when
		CliResult run = cli("run", "--date", "2026-11-20", "--config", InProcessMongo.uri());

		// then
		assertThat(run.exitCode()).isEqualTo(3);
		assertThat(run.err()).contains("phonehome: MongoDB " + InProcessMongo.uri()
				+ ": structuredConfigurationSelected holds no document, so no config is active");
		assertNothingRecordedOrArchived();
	}

	@Test
	void selectedConfigThatDoesNotExistShouldStopTheNightBeforeAnythingIsArchived() {
		// given
		insertConfig(liveConfigWith("not-this-one"), 1);
		ObjectId missing = new ObjectId();
		select(new BsonObjectId(missing));

		// when
		CliResult run = cli("run", "--date", "2026-11-20", "--config", InProcessMongo.uri());

		// then
		assertThat(run.exitCode()).isEqualTo(3);
		assertThat(run.err()).contains("structuredConfigurationSelected points to structuredConfiguration "
				+ missing.toHexString() + ", which does not exist");
		assertNothingRecordedOrArchived();
	}

	@Test
	void selectedConfigWithoutConfigDataShouldStopTheNightNamingItsRevision() {
		// given
		ObjectId serial = new ObjectId();
		InProcessMongo.database()
			.getCollection("structuredConfiguration", BsonDocument.class)
			.insertOne(new BsonDocument("_id", new BsonObjectId(serial)).append("revision", new BsonInt32(4)));
		select(new BsonObjectId(serial));

		// when
		CliResult run = cli("run", "--date", "2026-11-20", "--config", InProcessMongo.uri());

		// then
		assertThat(run.exitCode()).isEqualTo(3);
		assertThat(run.err()).contains("structuredConfiguration " + serial.toHexString()
				+ " revision 4: the document has no configData object");
		assertNothingRecordedOrArchived();
	}

	@Test
	void configThatNoLongerNamesTheDecidedSourceShouldStopTheNight() {
		// when: a config without storage.mongo.url, though the source was decided from one that has it
		CliResult run = cli("run", "--date", "2026-11-20", "--config", demoConfig("free"));

		// then
		assertThat(run.exitCode()).isEqualTo(3);
		assertThat(run.err()).contains("the source was decided when phonehome started from storage.mongo.url of "
				+ LIVE_CONFIG, "now names no storage.mongo.url", "Run the command again");
		assertNothingRecordedOrArchived();
	}

	private void assertReadOnly() {
		List<BsonDocument> commands = List.copyOf(recorder.commands);
		assertThat(commands).as("commands sent").isNotEmpty();
		assertThat(commands).extracting(command -> command.getFirstKey())
			.as("command names")
			.contains("find")
			.doesNotContainAnyElementsOf(WRITE_COMMANDS);
		assertThat(commands).filteredOn(command -> command.getFirstKey().equals("aggregate"))
			.extracting(command -> command.getArray("pipeline").toString())
			.noneMatch(pipeline -> pipeline.contains("$out") || pipeline.contains("$merge"));
	}

	private void assertNothingRecordedOrArchived() {
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION", Integer.class)).isZero();
		assertThat(HOME.resolve("nights")).doesNotExist();
	}

	private static ObjectId insertConfig(String configDataJson, int revision) {
		ObjectId serial = new ObjectId();
		InProcessMongo.database()
			.getCollection("structuredConfiguration", BsonDocument.class)
			.insertOne(new BsonDocument("_id", new BsonObjectId(serial)).append("schemaVersion", new BsonInt32(40))
				.append("revision", new BsonInt32(revision))
				.append("configData", BsonDocument.parse(configDataJson)));
		return serial;
	}

	private static void select(BsonValue serialNumber) {
		InProcessMongo.database()
			.getCollection("structuredConfigurationSelected", BsonDocument.class)
			.insertOne(new BsonDocument("serialNumber", serialNumber));
	}

	/** The live config with another installation id, to tell revisions apart. */
	private static String liveConfigWith(String installationId) {
		ObjectNode config = (ObjectNode) JSON.readTree(LIVE_CONFIG.toFile());
		((ObjectNode) config.get("sharedGeneral")).put("installationId", installationId);
		return JSON.writeValueAsString(config);
	}

}
