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
 */
@ConfigurationProperties("phonehome.source")
public record MongoSourceProperties(String mongodbUri, @DefaultValue("10s") Duration mongodbTimeout) {
}
