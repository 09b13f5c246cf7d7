package dev.phonehome.source.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import dev.phonehome.PhoneHomeTestSupport;
import dev.phonehome.installation.InstallationCollection;
import dev.phonehome.source.SourceSelection;
import io.netty.channel.Channel;

/**
 * The live MongoDB drops the connection in the middle of the night's read (after some chunks were committed): the
 * night fails with exit 5 and says to run the same command again; the same command then resumes the night where it
 * stopped and archives exactly the payload bytes an undisturbed night gives (the demo's golden payload).
 */
class SourceDropsMidReadTests extends PhoneHomeTestSupport {

	private static final Path GOLDEN = Path.of("src/test/resources/golden");

	private static final DroppingBackend BACKEND = new DroppingBackend();

	private static final MongoServer SERVER = new MongoServer(BACKEND);

	private static final InetSocketAddress ADDRESS = SERVER.bind();

	private static String uri() {
		return "mongodb://127.0.0.1:" + ADDRESS.getPort() + "/codestream";
	}

	@DynamicPropertySource
	static void droppingSource(DynamicPropertyRegistry registry) {
		registry.add(SourceSelection.SOURCE, SourceDropsMidReadTests::uri);
		registry.add("phonehome.mongodb.timeout", () -> "5s");
		// small batches and chunks: the drop comes after some chunks of the night are committed
		registry.add("phonehome.fetch-size", () -> "7");
		registry.add("phonehome.chunk-size", () -> "7");
	}

	@AfterAll
	static void stop() {
		SERVER.shutdownNow();
	}

	@Test
	void nightShouldFailWithExit5AndResumeWithTheSamePayloadBytes() throws Exception {
		// given: the free demo installation, a server that drops every connection at the users' third batch
		load(DEMO.resolve("free"));
		BACKEND.dropAtGetMore(3);

		// when
		CliResult failed = cli("run", "--date", "2026-11-20", "--config", demoConfig("free"));

		// then: the job failed (not a config error), nothing sent, told to run it again
		assertThat(failed.exitCode()).as(failed.out() + failed.err()).isEqualTo(5);
		assertThat(BACKEND.dropped()).isPositive();
		assertThat(failed.err()).contains("night 2026-11-20 failed").contains("run the same command again");
		assertThat(failed.out()).isEmpty();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM phonehome_outbox", Integer.class)).isZero();

		// when: the source is back, the same command
		BACKEND.dropAtGetMore(0);
		CliResult resumed = cli("run", "--date", "2026-11-20", "--config", demoConfig("free"));

		// then: a restart of the failed execution, the undisturbed night's bytes
		assertThat(resumed.exitCode()).as(resumed.err()).isZero();
		assertThat(resumed.out()).contains("restart (manual)").contains("users         50");
		assertThat(Files.readAllBytes(payloadPath(resumed)))
			.isEqualTo(Files.readAllBytes(GOLDEN.resolve("demo-free-2026-11-20.payload.json")));
		assertThat(cli("verify", "--all").exitCode()).isZero();
	}

	private static void load(Path folder) throws Exception {
		try (MongoClient client = MongoClients.create(uri())) {
			MongoDatabase database = client.getDatabase("codestream");
			database.drop();
			for (InstallationCollection collection : InstallationCollection.values()) {
				database.createCollection(collection.collectionName());
				List<BsonDocument> documents = Files.readAllLines(folder.resolve(collection.dumpFileName()))
					.stream()
					.filter(line -> !line.isBlank())
					.map(BsonDocument::parse)
					.toList();
				if (!documents.isEmpty()) {
					database.getCollection(collection.collectionName(), BsonDocument.class).insertMany(documents);
				}
			}
		}
	}

	private static Path payloadPath(CliResult run) {
		Matcher matcher = Pattern.compile("artefacts\\s+(\\S+payload\\.json)").matcher(run.out());
		assertThat(matcher.find()).as(run.out()).isTrue();
		return Path.of(matcher.group(1));
	}

	/** The memory backend, closing the client's connection (as a crashed or partitioned server) at a getMore. */
	static final class DroppingBackend extends MemoryBackend {

		private volatile int dropAt;

		private final AtomicInteger getMores = new AtomicInteger();

		private final AtomicInteger dropped = new AtomicInteger();

		/** From now on, drop the connection at the n-th getMore on users (0: never). */
		void dropAtGetMore(int n) {
			getMores.set(0);
			dropAt = n;
		}

		int dropped() {
			return dropped.get();
		}

		@Override
		public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
			if (dropAt > 0 && "getMore".equals(command) && "users".equals(query.get("collection"))
					&& getMores.incrementAndGet() >= dropAt) {
				dropped.incrementAndGet();
				channel.close().syncUninterruptibly();
				throw new IllegalStateException("connection dropped by the test");
			}
			return super.handleCommand(channel, databaseName, command, query);
		}

	}

}
