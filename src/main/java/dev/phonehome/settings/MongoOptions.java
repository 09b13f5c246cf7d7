package dev.phonehome.settings;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How phonehome connects to the installation's MongoDB (the live source, and the config when it is kept there),
 * for what the connection string does not say: the string's own options always win. All optional.
 *
 * @param timeout how long to wait for the server to be reachable (connect and server selection) before the night
 * fails with a configuration error; short, because a nightly job should say "unreachable" quickly
 * (URI: {@code connectTimeoutMS}, {@code serverSelectionTimeoutMS}; old name {@code phonehome.source.mongodb-timeout})
 * @param operationTimeout how long one request (a query, the next batch of a cursor) may go unanswered before the
 * night fails, so a hung server cannot hold the night forever (URI: {@code socketTimeoutMS}, or {@code timeoutMS})
 * @param tls connect with TLS (URI: {@code tls=true}); on by itself when a CA file is given
 * @param tlsCaFile the PEM file of the CA(s) that signed the server's certificate, instead of the JVM's trust store
 * (URI: {@code tlsCAFile}, which the Java driver ignores, so phonehome reads it; the services config's
 * {@code storage.mongo.tlsCAFile} when the source comes from it)
 * @param directConnection talk to the one host given, not to its replica set (URI: {@code directConnection})
 * @param readPreference where reads go (URI: {@code readPreference}); by default {@code secondaryPreferred} when a
 * replica set is named (or {@code mongodb+srv://}), so the night's reads spare the primary, else the primary
 * @param idMargin the safety margin of the {@code _id} range that narrows the one pass over the night's posts: posts
 * whose ObjectId was made more than this before the night's start or after its end are not read (the
 * {@code createdAt} window still decides what counts). CodeStream makes a post's ObjectId and its createdAt in the
 * same request; raise it if posts were migrated with older createdAt values
 */
@ConfigurationProperties("phonehome.mongodb")
public record MongoOptions(@DefaultValue("10s") Duration timeout, @DefaultValue("10m") Duration operationTimeout,
		Boolean tls, Path tlsCaFile, Boolean directConnection, String readPreference,
		@DefaultValue("7d") Duration idMargin) {

	public static final MongoOptions DEFAULTS = new MongoOptions(Duration.ofSeconds(10), Duration.ofMinutes(10), null,
			null, null, null, Duration.ofDays(7));

	public MongoOptions {
		if (idMargin != null && idMargin.isNegative()) {
			throw new IllegalArgumentException("phonehome.mongodb.id-margin must not be negative, was " + idMargin);
		}
		idMargin = idMargin == null ? Duration.ofDays(7) : idMargin;
	}

	/** These options, with {@code caFile} as the CA file unless one is set already. */
	public MongoOptions withDefaultCaFile(Path caFile) {
		return tlsCaFile != null || caFile == null ? this
				: new MongoOptions(timeout, operationTimeout, tls, caFile, directConnection, readPreference, idMargin);
	}

	public MongoOptions withTimeout(Duration timeout) {
		return new MongoOptions(timeout, operationTimeout, tls, tlsCaFile, directConnection, readPreference, idMargin);
	}

}
