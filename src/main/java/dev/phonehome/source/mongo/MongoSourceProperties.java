package dev.phonehome.source.mongo;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the installation's MongoDB is, when it is the source.
 *
 * @param mongodbUri the standard connection string, e.g. {@code mongodb://user:pw@host:27017/codestream}; its
 * database is the one read. Unset: the embedded store is the source.
 * @param mongodbTimeout how long to wait for the server to be reachable (connect and server selection) before the
 * night fails with a configuration error; short, because a nightly job should say "unreachable" quickly
 * @param mongodbIdMargin the safety margin of the {@code _id} range that narrows the pass over the night's posts:
 * posts whose ObjectId was made more than this before the night's start or after its end are not read (the
 * {@code createdAt} window still decides what counts). CodeStream makes a post's ObjectId and its createdAt in the
 * same request; raise the margin if posts were migrated with older createdAt values
 */
@ConfigurationProperties("phonehome.source")
public record MongoSourceProperties(String mongodbUri, @DefaultValue("10s") Duration mongodbTimeout,
		@DefaultValue("7d") Duration mongodbIdMargin) {

	public MongoSourceProperties {
		if (mongodbIdMargin.isNegative()) {
			throw new IllegalArgumentException(
					"phonehome.source.mongodb-id-margin must not be negative, was " + mongodbIdMargin);
		}
	}

}
