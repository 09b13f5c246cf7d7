package dev.phonehome.source.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.phonehome.installation.InstallationCollection;
import dev.phonehome.source.SourceUnavailableException;

/**
 * What an operator reads when the MongoDB cannot be used: each message names the URI without its password and
 * what to check. The servers are real sockets: a closed port, one that never answers, and the in-process MongoDB.
 */
class MongoInstallationTests {

	// long enough for the in-process server to answer on a loaded machine, short enough for the refusals
	private static final Duration SHORT = Duration.ofSeconds(3);

	@Test
	void connectionRefusedShouldNameTheUriAndTheHostAndPortToCheck() throws IOException {
		// given: a port nobody listens on
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		String uri = "mongodb://phonehome:s3cret@127.0.0.1:" + closedPort + "/codestream";

		// when / then
		try (MongoInstallation mongo = installation(uri)) {
			assertThatThrownBy(() -> mongo.requireCollections(InstallationCollection.USERS))
				.isInstanceOf(SourceUnavailableException.class)
				.hasMessageStartingWith("MongoDB mongodb://phonehome:****@127.0.0.1:" + closedPort + "/codestream: ")
				.hasMessageContaining("connection refused")
				.hasMessageContaining("host and port")
				.message()
				.doesNotContain("s3cret");
		}
	}

	@Test
	void serverThatNeverAnswersShouldTimeOutNamingTheTimeoutSetting() throws IOException {
		// given: a socket that accepts connections and then says nothing
		try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
			List<Socket> accepted = new ArrayList<>();
			Thread acceptor = new Thread(() -> {
				try {
					while (true) {
						accepted.add(silent.accept());
					}
				}
				catch (IOException closed) {
					// the test is over
				}
			});
			acceptor.setDaemon(true);
			acceptor.start();
			String uri = "mongodb://127.0.0.1:" + silent.getLocalPort() + "/codestream";

			// when / then
			try (MongoInstallation mongo = installation(uri)) {
				assertThatThrownBy(() -> mongo.requireCollections(InstallationCollection.USERS))
					.isInstanceOf(SourceUnavailableException.class)
					.hasMessageStartingWith("MongoDB " + uri + ": timed out after " + SHORT.toSeconds() + "s")
					.hasMessageContaining("phonehome.mongodb.timeout");
			}
		}
	}

	/**
	 * mongo-java-server has no authentication: it answers the driver's {@code saslStart} with "no such command",
	 * which the driver reports, as for a wrong password, with a {@code MongoSecurityException}. The mapping tested
	 * here is the one a real server's AuthenticationFailed goes through.
	 */
	@Test
	void authenticationFailureShouldNameTheUserAndWhatToCheckButNotThePassword() {
		// given
		String uri = InProcessMongo.uri("alice:pa55word@");

		// when / then
		try (MongoInstallation mongo = installation(uri)) {
			assertThatThrownBy(() -> mongo.requireCollections(InstallationCollection.USERS))
				.isInstanceOf(SourceUnavailableException.class)
				.hasMessageContaining("MongoDB mongodb://alice:****@127.0.0.1:")
				.hasMessageContaining("authentication failed for user 'alice' (authSource 'codestream')")
				.hasMessageContaining("Check the user name, the password")
				.message()
				.doesNotContain("pa55word");
		}
	}

	@Test
	void missingCollectionShouldNameItAndTheDatabaseToCheck() {
		// given
		InProcessMongo.empty();
		InProcessMongo.collection(InstallationCollection.REVIEWS).drop();

		// when / then
		try (MongoInstallation mongo = installation(InProcessMongo.uri())) {
			assertThatThrownBy(() -> mongo.requireCollections(InstallationCollection.values()))
				.isInstanceOf(SourceUnavailableException.class)
				.hasMessage("MongoDB " + InProcessMongo.uri() + ": database 'codestream' has no collection reviews. "
						+ "Check the database name in the URI (a CodeStream server's is usually 'codestream').");
		}
	}

	@Test
	void uriWithoutADatabaseShouldSayWhereTheDatabaseGoes() {
		try (MongoInstallation mongo = installation("mongodb://127.0.0.1:27017")) {
			assertThatThrownBy(() -> mongo.collection(InstallationCollection.USERS))
				.isInstanceOf(SourceUnavailableException.class)
				.hasMessageContaining("the URI names no database");
		}
	}

	private static MongoInstallation installation(String uri) {
		return new MongoInstallation(uri, SHORT);
	}

}
