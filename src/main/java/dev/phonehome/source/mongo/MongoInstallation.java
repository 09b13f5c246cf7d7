package dev.phonehome.source.mongo;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.bson.BsonDocument;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoSocketReadTimeoutException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.ServerHeartbeatFailedEvent;
import com.mongodb.event.ServerHeartbeatSucceededEvent;
import com.mongodb.event.ServerMonitorListener;

import dev.phonehome.installation.InstallationCollection;
import dev.phonehome.settings.SafeUrl;
import dev.phonehome.source.SourceUnavailableException;

/**
 * The installation's MongoDB: one client for the whole process, created on first use (so a bad URI fails the
 * night with a clear message instead of the start-up), closed with the context. Every driver failure goes through
 * {@link #unavailable} and becomes a {@link SourceUnavailableException} that names the URI (without its password)
 * and what to check.
 */
class MongoInstallation implements AutoCloseable {

	private static final String AUTH_FAILED = "AuthenticationFailed";

	private final String uri;

	private final String safeUri;

	private final Duration timeout;

	/** The last reason the driver's monitor could not reach the server: what a server-selection timeout hides. */
	private final AtomicReference<Throwable> lastHeartbeatFailure = new AtomicReference<>();

	private MongoClient client;

	private MongoDatabase database;

	MongoInstallation(String uri, Duration timeout) {
		this.uri = uri.strip();
		this.safeUri = SafeUrl.of(uri);
		this.timeout = timeout;
	}

	/** The URI without its password: what the audit, the logs and every message show. */
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
			ConnectionString connection = parse();
			if (connection.getDatabase() == null || connection.getDatabase().isBlank()) {
				throw new SourceUnavailableException(describe() + ": the URI names no database; add it after the "
						+ "host, e.g. mongodb://host:27017/codestream", null);
			}
			client = MongoClients.create(settings(connection));
			database = client.getDatabase(connection.getDatabase());
		}
		return database;
	}

	private ConnectionString parse() {
		try {
			return new ConnectionString(uri);
		}
		catch (IllegalArgumentException ex) {
			// the driver's message may quote part of the password: neither it nor the exception is kept
			throw new SourceUnavailableException(describe() + ": not a valid MongoDB connection string. Check its "
					+ "form (mongodb://user:password@host:port/database?options) and that the user name and password "
					+ "percent-encode the characters : / ? # [ ] @ and %.", null);
		}
	}

	private MongoClientSettings settings(ConnectionString connection) {
		// The URI's own timeouts win; otherwise phonehome.source.mongodb-timeout keeps "unreachable" short. The
		// connect (and monitor read) timeout is half of it, so the reason is known when server selection gives up.
		int millis = (int) timeout.toMillis();
		int connectMillis = Math.max(1, millis / 2);
		return MongoClientSettings.builder()
			.applyConnectionString(connection)
			.applicationName("phonehome")
			.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
					connection.getServerSelectionTimeout() != null ? connection.getServerSelectionTimeout() : millis,
					TimeUnit.MILLISECONDS))
			.applyToSocketSettings(socket -> socket.connectTimeout(
					connection.getConnectTimeout() != null ? connection.getConnectTimeout() : connectMillis,
					TimeUnit.MILLISECONDS))
			.applyToServerSettings(server -> server.addServerMonitorListener(new ServerMonitorListener() {
				@Override
				public void serverHeartbeatSucceeded(ServerHeartbeatSucceededEvent event) {
					lastHeartbeatFailure.set(null);
				}

				@Override
				public void serverHeartbeatFailed(ServerHeartbeatFailedEvent event) {
					lastHeartbeatFailure.set(event.getThrowable());
				}
			}))
			.build();
	}

	/** A driver failure as an operator-facing error: which server, what happened, what to check. */
	SourceUnavailableException unavailable(MongoException ex) {
		return new SourceUnavailableException(describe() + ": " + explain(ex), ex);
	}

	private String explain(MongoException ex) {
		MongoSecurityException security = find(ex, MongoSecurityException.class);
		if (security != null || isAuthenticationFailure(find(ex, MongoCommandException.class))) {
			String user = security != null && security.getCredential() != null
					? " for user '" + security.getCredential().getUserName() + "' (authSource '"
							+ security.getCredential().getSource() + "')"
					: "";
			return "authentication failed" + user
					+ ". Check the user name, the password (percent-encoded in the URI) and authSource.";
		}
		MongoCommandException command = find(ex, MongoCommandException.class);
		if (command != null && command.getErrorCode() == 13) {
			return "not authorized (" + command.getErrorMessage() + "). The user needs the 'read' role on the "
					+ "installation's database.";
		}
		if (ex instanceof MongoTimeoutException) {
			return unreachable(lastHeartbeatFailure.get());
		}
		if (find(ex, MongoSocketReadTimeoutException.class) != null) {
			return "the server stopped answering (read timed out). Check the server's load and the network.";
		}
		return ex.getClass().getSimpleName() + ": " + ex.getMessage();
	}

	private String unreachable(Throwable why) {
		String after = " after " + timeout.toSeconds() + "s";
		if (find(why, ConnectException.class) != null) {
			return "connection refused. Check that MongoDB is running and listening on the host and port of the "
					+ "URI, and that no firewall is in the way.";
		}
		if (find(why, UnknownHostException.class) != null) {
			return "unknown host. Check the host name in the URI.";
		}
		if (find(why, MongoSocketReadTimeoutException.class) != null
				|| find(why, java.net.SocketTimeoutException.class) != null) {
			return "timed out" + after + " waiting for the server to answer. Check the host and port (is it really "
					+ "MongoDB?), the network, and phonehome.source.mongodb-timeout.";
		}
		if (why == null) {
			return "timed out" + after + ": no answer from the server yet. Check the host and port, the network, "
					+ "and phonehome.source.mongodb-timeout.";
		}
		return "no server reachable" + after + " (" + why.getMessage() + "). Check the host, port and replica-set "
				+ "options of the URI, and phonehome.source.mongodb-timeout.";
	}

	private static boolean isAuthenticationFailure(MongoCommandException command) {
		return command != null && (command.getErrorCode() == 18 || AUTH_FAILED.equals(command.getErrorCodeName()));
	}

	private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		return null;
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
