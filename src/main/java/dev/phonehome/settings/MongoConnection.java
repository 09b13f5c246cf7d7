package dev.phonehome.settings;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoSocketReadTimeoutException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ReadPreference;
import com.mongodb.connection.ClusterConnectionMode;
import com.mongodb.event.ServerHeartbeatFailedEvent;
import com.mongodb.event.ServerHeartbeatSucceededEvent;
import com.mongodb.event.ServerMonitorListener;

/**
 * One connection string to the installation's MongoDB, made usable and safe to talk about: the password may come
 * from the environment instead of the string ({@value #PASSWORD_VARIABLE}, or a private file named by
 * {@value #PASSWORD_FILE_VARIABLE}), TLS, timeouts and read preference follow {@link MongoOptions} where the string
 * says nothing, and every driver failure becomes a sentence that names the URI without its password and what to
 * check ({@link #explain}). Nothing the driver says reaches a message unless the password is scrubbed from it.
 */
public final class MongoConnection {

	public static final String PASSWORD_VARIABLE = "PHONEHOME_MONGODB_PASSWORD";

	public static final String PASSWORD_FILE_VARIABLE = "PHONEHOME_MONGODB_PASSWORD_FILE";

	private static final String AUTH_FAILED = "AuthenticationFailed";

	private static final Pattern SCHEME = Pattern.compile("^mongodb(\\+srv)?://", Pattern.CASE_INSENSITIVE);

	private static final Pattern CA_FILE_OPTION = Pattern.compile("([?&])tlsCAFile=([^&]*)&?",
			Pattern.CASE_INSENSITIVE);

	private final String safeUri;

	private final ConnectionString connection;

	private final MongoOptions options;

	private final Path caFile;

	private final List<String> secrets;

	/** The last reason the driver's monitor could not reach the server: what a server-selection timeout hides. */
	private final AtomicReference<Throwable> lastHeartbeatFailure = new AtomicReference<>();

	private MongoConnection(String safeUri, ConnectionString connection, MongoOptions options, Path caFile,
			List<String> secrets) {
		this.safeUri = safeUri;
		this.connection = connection;
		this.options = options;
		this.caFile = caFile;
		this.secrets = secrets;
	}

	/**
	 * @throws ConfigException when the string is not a MongoDB connection string, or the password file cannot be
	 * used; the message shows the URI masked and never the driver's own words (they may quote the password)
	 */
	public static MongoConnection of(String uri, MongoOptions options, Map<String, String> environment) {
		String raw = uri == null ? "" : uri.strip();
		String safe = SafeUrl.of(raw);
		Matcher scheme = SCHEME.matcher(raw);
		if (!scheme.find()) {
			throw new ConfigException(safe + ": not a MongoDB connection string (mongodb://... or mongodb+srv://...)");
		}
		List<String> secrets = new ArrayList<>();
		String withPassword = withPasswordFromEnvironment(raw, scheme.end(), environment, secrets);
		Matcher caOption = CA_FILE_OPTION.matcher(withPassword);
		Path caFile = options.tlsCaFile();
		if (caOption.find()) {
			// the Java driver ignores tlsCAFile (and warns): phonehome applies it itself
			caFile = Path.of(URLDecoder.decode(caOption.group(2), StandardCharsets.UTF_8));
			withPassword = caOption.replaceFirst(caOption.group(1).equals("?") ? "?" : "&").replaceAll("[?&]$", "");
		}
		ConnectionString connection;
		try {
			connection = new ConnectionString(withPassword);
		}
		catch (IllegalArgumentException ex) {
			throw new ConfigException(safe + ": not a valid MongoDB connection string. Check its form "
					+ "(mongodb://user:password@host:port/database?options) and that the user name and password "
					+ "percent-encode the characters : / ? # [ ] @ and %.");
		}
		if (connection.getPassword() != null) {
			secrets.add(new String(connection.getPassword()));
		}
		return new MongoConnection(safe, connection, options, caFile, secrets);
	}

	/** The password of the environment goes into a URI that names a user but no password. */
	private static String withPasswordFromEnvironment(String uri, int afterScheme, Map<String, String> environment,
			List<String> secrets) {
		String password = environment.get(PASSWORD_VARIABLE);
		String passwordFile = environment.get(PASSWORD_FILE_VARIABLE);
		if ((password == null || password.isEmpty()) && passwordFile != null && !passwordFile.isBlank()) {
			password = readPasswordFile(Path.of(passwordFile));
		}
		String rest = uri.substring(afterScheme);
		int hostsEnd = indexOfAny(rest, "/?");
		int at = rest.substring(0, hostsEnd < 0 ? rest.length() : hostsEnd).lastIndexOf('@');
		if (password == null || password.isEmpty() || at < 0 || rest.substring(0, at).contains(":")) {
			return uri;
		}
		secrets.add(password);
		// RFC 3986 percent-encoding, as the driver decodes it (a space is %20, not '+')
		String encoded = URLEncoder.encode(password, StandardCharsets.UTF_8).replace("+", "%20");
		secrets.add(encoded);
		return uri.substring(0, afterScheme) + rest.substring(0, at) + ":" + encoded + rest.substring(at);
	}

	private static String readPasswordFile(Path file) {
		SecretFiles.refuseIfReadableByOthers(file, "the MongoDB password file (" + PASSWORD_FILE_VARIABLE + ")",
				"a MongoDB password");
		try {
			return Files.readString(file).replaceAll("[\r\n]+$", "");
		}
		catch (IOException ex) {
			throw new ConfigException(file + ": cannot read the MongoDB password file named by "
					+ PASSWORD_FILE_VARIABLE + " (" + ex.getClass().getSimpleName() + ")");
		}
	}

	private static int indexOfAny(String text, String characters) {
		for (int i = 0; i < text.length(); i++) {
			if (characters.indexOf(text.charAt(i)) >= 0) {
				return i;
			}
		}
		return -1;
	}

	/** The URI with its credentials and secret options masked: what the record, the logs and messages show. */
	public String safeUri() {
		return safeUri;
	}

	/** The database the URI names, or {@code null}. */
	public String database() {
		String database = connection.getDatabase();
		return database == null || database.isBlank() ? null : database;
	}

	/**
	 * The driver's settings: the connection string first, then {@link MongoOptions} for what it leaves open, and a
	 * monitor that remembers why the server could not be reached. Add an application name and listeners, then build.
	 */
	public MongoClientSettings.Builder settings() {
		int millis = (int) options.timeout().toMillis();
		// the connect (and monitor read) timeout is half of it, so the reason is known when server selection gives up
		int connectMillis = Math.max(1, millis / 2);
		MongoClientSettings.Builder settings = MongoClientSettings.builder()
			.applyConnectionString(connection)
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
			}));
		if (connection.getSocketTimeout() == null && connection.getTimeout() == null) {
			settings.applyToSocketSettings(socket -> socket.readTimeout(
					(int) options.operationTimeout().toMillis(), TimeUnit.MILLISECONDS));
		}
		if (connection.isDirectConnection() == null && options.directConnection() != null) {
			settings.applyToClusterSettings(cluster -> cluster.mode(
					options.directConnection() ? ClusterConnectionMode.SINGLE : ClusterConnectionMode.MULTIPLE));
		}
		ReadPreference readPreference = readPreference();
		if (readPreference != null) {
			settings.readPreference(readPreference);
		}
		boolean tls = connection.getSslEnabled() != null ? connection.getSslEnabled()
				: options.tls() != null ? options.tls() : caFile != null;
		if (tls) {
			SSLContext context = caFile == null ? null : sslContextTrusting(caFile);
			settings.applyToSslSettings(ssl -> {
				ssl.enabled(true);
				if (context != null) {
					ssl.context(context);
				}
			});
		}
		return settings;
	}

	/** The URI's, else the option's, else secondaryPreferred for a replica set (the night's reads spare the primary). */
	private ReadPreference readPreference() {
		if (connection.getReadPreference() != null) {
			return null; // applied with the connection string
		}
		if (options.readPreference() != null && !options.readPreference().isBlank()) {
			try {
				return ReadPreference.valueOf(options.readPreference().strip());
			}
			catch (IllegalArgumentException ex) {
				throw new ConfigException("phonehome.mongodb.read-preference: '" + options.readPreference().strip()
						+ "' is not a read preference (primary, primaryPreferred, secondary, secondaryPreferred, "
						+ "nearest)");
			}
		}
		boolean replicaSet = connection.getRequiredReplicaSetName() != null || connection.isSrvProtocol();
		return replicaSet ? ReadPreference.secondaryPreferred() : null;
	}

	private SSLContext sslContextTrusting(Path caFile) {
		try (InputStream in = Files.newInputStream(caFile)) {
			Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
				.generateCertificates(in);
			if (certificates.isEmpty()) {
				throw new ConfigException(caFile + ": the TLS CA file holds no certificate (expected PEM)");
			}
			KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
			trusted.load(null, null);
			int i = 0;
			for (Certificate certificate : certificates) {
				trusted.setCertificateEntry("ca-" + i++, certificate);
			}
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(trusted);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, trust.getTrustManagers(), null);
			return context;
		}
		catch (IOException ex) {
			throw new ConfigException(caFile + ": cannot read the TLS CA file (" + ex.getClass().getSimpleName()
					+ "); set it with tlsCAFile in the URI, phonehome.mongodb.tls-ca-file, or storage.mongo.tlsCAFile");
		}
		catch (GeneralSecurityException ex) {
			throw new ConfigException(caFile + ": the TLS CA file is not a PEM certificate (or bundle)");
		}
	}

	/** A driver failure as an operator-facing sentence: what happened, what to check; the password scrubbed. */
	public String explain(MongoException ex) {
		MongoSecurityException security = find(ex, MongoSecurityException.class);
		if (security != null || isAuthenticationFailure(find(ex, MongoCommandException.class))) {
			String user = security != null && security.getCredential() != null
					? " for user '" + security.getCredential().getUserName() + "' (authSource '"
							+ security.getCredential().getSource() + "')"
					: "";
			return "authentication failed" + user + ". Check the user name, the password (percent-encoded in the URI, "
					+ "or in " + PASSWORD_VARIABLE + " / " + PASSWORD_FILE_VARIABLE + ") and authSource.";
		}
		MongoCommandException command = find(ex, MongoCommandException.class);
		if (command != null && command.getErrorCode() == 13) {
			return "not authorized (" + scrub(command.getErrorMessage()) + "). The user needs the 'read' role on the "
					+ "installation's database (see the README: the source's MongoDB user).";
		}
		if (ex instanceof MongoTimeoutException) {
			return unreachable(lastHeartbeatFailure.get());
		}
		if (find(ex, MongoSocketReadTimeoutException.class) != null) {
			return "the server stopped answering (no answer within phonehome.mongodb.operation-timeout, "
					+ options.operationTimeout().toSeconds() + "s). Check the server's load and the network.";
		}
		return ex.getClass().getSimpleName() + ": " + scrub(ex.getMessage());
	}

	private String unreachable(Throwable why) {
		String after = " after " + options.timeout().toSeconds() + "s";
		if (find(why, ConnectException.class) != null) {
			return "connection refused. Check that MongoDB is running and listening on the host and port of the "
					+ "URI, and that no firewall is in the way.";
		}
		if (find(why, UnknownHostException.class) != null) {
			return "unknown host. Check the host name in the URI.";
		}
		if (find(why, MongoSocketReadTimeoutException.class) != null || find(why, SocketTimeoutException.class) != null) {
			return "timed out" + after + " waiting for the server to answer. Check the host and port (is it really "
					+ "MongoDB?), TLS (tls=true when the server requires it), the network, and "
					+ "phonehome.mongodb.timeout.";
		}
		if (why == null) {
			return "timed out" + after + ": no answer from the server yet. Check the host and port, the network, "
					+ "and phonehome.mongodb.timeout.";
		}
		return "no server reachable" + after + " (" + scrub(why.getMessage()) + "). Check the host, port, TLS and "
				+ "replica-set options of the URI, and phonehome.mongodb.timeout.";
	}

	/** The text without any password this connection knows (as given, and percent-encoded). */
	public String scrub(String text) {
		if (text == null) {
			return "";
		}
		String scrubbed = text;
		for (String secret : secrets) {
			if (!secret.isEmpty()) {
				scrubbed = scrubbed.replace(secret, SafeUrl.MASK);
			}
		}
		return scrubbed;
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
	public String toString() {
		return "MongoDB " + safeUri;
	}

}
