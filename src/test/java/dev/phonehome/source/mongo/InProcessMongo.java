package dev.phonehome.source.mongo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.bson.BsonDocument;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import dev.phonehome.installation.InstallationCollection;

/**
 * An in-process MongoDB (mongo-java-server, memory backend) on a real socket, for the whole test run, and a
 * client to fill it the way {@code mongoimport} would: each dump line parsed as Extended JSON and inserted.
 */
final class InProcessMongo {

	static final String DATABASE = "codestream";

	/** Counts the passes each collection gets: the night must read the night's posts once, not once per batch. */
	static final CommandCountingBackend BACKEND = new CommandCountingBackend();

	private static final MongoServer SERVER = new MongoServer(BACKEND);

	private static final InetSocketAddress ADDRESS = SERVER.bind();

	private static final MongoClient CLIENT = MongoClients.create(uri(""));

	private InProcessMongo() {
	}

	/** {@code mongodb://127.0.0.1:<port>/codestream}, with {@code userInfo} ("user:pw@") if given. */
	static String uri(String userInfo) {
		return "mongodb://" + userInfo + "127.0.0.1:" + ADDRESS.getPort() + "/" + DATABASE;
	}

	static String uri() {
		return uri("");
	}

	static MongoDatabase database() {
		return CLIENT.getDatabase(DATABASE);
	}

	static MongoCollection<BsonDocument> collection(InstallationCollection collection) {
		return database().getCollection(collection.collectionName(), BsonDocument.class);
	}

	/** Replaces the database with the dump in {@code folder}: what mongoimport of each file would leave. */
	static void load(Path folder) {
		database().drop();
		for (InstallationCollection collection : InstallationCollection.values()) {
			database().createCollection(collection.collectionName());
			List<BsonDocument> documents = lines(folder.resolve(collection.dumpFileName())).stream()
				.filter(line -> !line.isBlank())
				.map(BsonDocument::parse)
				.toList();
			if (!documents.isEmpty()) {
				collection(collection).insertMany(documents);
			}
		}
	}

	/** An empty installation: the six collections exist and hold nothing. */
	static void empty() {
		database().drop();
		for (InstallationCollection collection : InstallationCollection.values()) {
			database().createCollection(collection.collectionName());
		}
	}

	private static List<String> lines(Path file) {
		try {
			return Files.readAllLines(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
