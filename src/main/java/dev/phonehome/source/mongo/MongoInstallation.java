package dev.phonehome.source.mongo;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.BsonDocument;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;

import dev.phonehome.support.Causes;
import dev.phonehome.installation.InstallationCollection;
import dev.phonehome.settings.ConfigException;
import dev.phonehome.settings.MongoConnection;
import dev.phonehome.settings.MongoOptions;
import dev.phonehome.settings.SafeUrl;
import dev.phonehome.source.SourceUnavailableException;

/**
 * The installation's MongoDB: one client for the whole process, created on first use (so a bad URI fails the
 * night with a clear message instead of the start-up), closed with the context. Every driver failure goes through
 * {@link #unavailable} and becomes a {@link SourceUnavailableException} that names the URI (without its password)
 * and what to check ({@link MongoConnection#explain}). It only reads.
 */
class MongoInstallation implements AutoCloseable {

	private final String uri;

	private final String safeUri;

	private final MongoOptions options;

	private final Map<String, String> environment;

	private final List<CommandListener> listeners;

	private MongoConnection connection;

	private MongoClient client;

	private MongoDatabase database;

	/** With the default options and this reachability timeout, no password from the environment, no listener. */
	MongoInstallation(String uri, Duration timeout) {
		this(uri, MongoOptions.DEFAULTS.withTimeout(timeout), Map.of(), List.of());
	}

	MongoInstallation(String uri, MongoOptions options, Map<String, String> environment,
			List<CommandListener> listeners) {
		this.uri = uri.strip();
		this.safeUri = SafeUrl.of(uri);
		this.options = options;
		this.environment = environment;
		this.listeners = List.copyOf(listeners);
	}

	/** The URI without its password: what the logs and every message show. */
	String describe() {
		return "MongoDB " + safeUri;
	}

	MongoCollection<BsonDocument> collection(InstallationCollection collection) {
		return database().getCollection(collection.collectionName(), BsonDocument.class);
	}

	/**
	 * Fails unless every named collection exists. MongoDB answers a query on a missing collection with nothing,
	 * which would make a wrong database name look like an empty installation.
	 */
	void requireCollections(InstallationCollection... required) {
		Set<String> present;
		try {
			present = database().listCollectionNames().into(new HashSet<>());
		}
		catch (MongoException ex) {
			throw unavailable(ex);
		}
		List<String> missing = Arrays.stream(required)
			.map(InstallationCollection::collectionName)
			.filter(name -> !present.contains(name))
			.toList();
		if (!missing.isEmpty()) {
			throw new SourceUnavailableException(describe() + ": database '" + database().getName()
					+ "' has no collection " + String.join(", ", missing)
					+ ". Check the database name in the URI (a CodeStream server's is usually 'codestream').", null);
		}
	}

	private synchronized MongoDatabase database() {
		if (database == null) {
			try {
				connection = MongoConnection.of(uri, options, environment);
			}
			catch (ConfigException ex) {
				throw new SourceUnavailableException(ex.getMessage(), null);
			}
			if (connection.database() == null) {
				throw new SourceUnavailableException(describe() + ": the URI names no database; add it after the "
						+ "host, e.g. mongodb://host:27017/codestream", null);
			}
			var settings = connection.settings().applicationName("phonehome");
			listeners.forEach(settings::addCommandListener);
			client = MongoClients.create(settings.build());
			database = client.getDatabase(connection.database());
		}
		return database;
	}

	/**
	 * A driver failure as an operator-facing error: which server, what happened, what to check. The driver's
	 * exception is not kept as the cause: Batch writes causes into the record, and their text is not ours to vouch for.
	 */
	SourceUnavailableException unavailable(MongoException ex) {
		String why = connection == null ? ex.getClass().getSimpleName() : connection.explain(ex);
		return new SourceUnavailableException(describe() + ": " + why, null);
	}

	@Override
	public synchronized void close() {
		if (client != null) {
			client.close();
			client = null;
			database = null;
		}
	}

}
