package dev.phonehome.bench;

import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.BsonDocument;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import dev.phonehome.source.mongo.CommandCountingBackend;

/**
 * The MongoDB side of the benchmark: a size's synthetic installation copied from its embedded store into an
 * in-process MongoDB (mongo-java-server, memory backend, on loopback) as CodeStream keeps it (ObjectId
 * {@code _id}s, references as hex strings, {@code teamIds}, {@code adminIds}, {@code settings} and
 * {@code providerInfo} nested), so that {@code run --source} reads the same installation. The server counts the
 * commands that start a pass over each collection.
 */
final class MongoNight implements AutoCloseable {

	static final String DATABASE = "codestream";

	private static final int BATCH = 10_000;

	private final CommandCountingBackend backend = new CommandCountingBackend();

	private final MongoServer server = new MongoServer(backend);

	private final InetSocketAddress address = server.bind();

	String uri() {
		return "mongodb://127.0.0.1:" + address.getPort() + "/" + DATABASE;
	}

	CommandCountingBackend backend() {
		return backend;
	}

	/** Copies the store's six collections (as {@link StoreDocuments} reads them); returns the documents inserted. */
	long load(String storeUrl) throws Exception {
		try (MongoClient client = MongoClients.create(uri());
				Connection store = DriverManager.getConnection(storeUrl, "sa", "")) {
			MongoDatabase db = client.getDatabase(DATABASE);
			db.drop();
			Map<String, List<BsonDocument>> batches = new LinkedHashMap<>();
			long documents = StoreDocuments.read(store, (collection, document) -> {
				List<BsonDocument> batch = batches.computeIfAbsent(collection, c -> new ArrayList<>(BATCH));
				batch.add(document);
				if (batch.size() == BATCH) {
					db.getCollection(collection, BsonDocument.class).insertMany(batch);
					batch.clear();
				}
			});
			batches.forEach((collection, batch) -> {
				if (!batch.isEmpty()) {
					db.getCollection(collection, BsonDocument.class).insertMany(batch);
				}
			});
			return documents;
		}
	}

	@Override
	public void close() {
		server.shutdownNow();
	}

}
