package dev.phonehome.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.MongoClientSettings;
import com.mongodb.ReadPreference;
import com.mongodb.connection.ClusterConnectionMode;

/**
 * TLS, timeouts, read preference and the password as CodeStream's MongoDB needs them (issue 12 §4): settable as
 * URI options or as {@code phonehome.mongodb.*} properties, the URI winning, and the password from the
 * environment or a private file, never shown.
 */
class MongoConnectionTests {

	private static final Path CA = Path.of("src/test/resources/tls/test-ca.pem");

	@TempDir
	Path folder;

	private static MongoOptions options(Boolean tls, Path caFile, Boolean directConnection, String readPreference) {
		return new MongoOptions(Duration.ofSeconds(8), Duration.ofMinutes(3), tls, caFile, directConnection,
				readPreference, Duration.ofDays(7));
	}

	private static MongoClientSettings settings(String uri, MongoOptions options) {
		return MongoConnection.of(uri, options, Map.of()).settings().build();
	}

	@Test
	void caFileOptionShouldTurnTlsOnAndTrustThatCa() {
		MongoClientSettings settings = settings("mongodb://db1/codestream", options(null, CA, null, null));

		assertThat(settings.getSslSettings().isEnabled()).isTrue();
		assertThat(settings.getSslSettings().getContext()).isNotNull();
	}

	@Test
	void tlsCaFileInTheUriShouldBeAppliedByPhonehomeAndLeftOutOfTheDriversString() {
		MongoConnection connection = MongoConnection.of("mongodb://db1/codestream?tls=true&tlsCAFile=" + CA
				+ "&replicaSet=rs0", MongoOptions.DEFAULTS, Map.of());

		MongoClientSettings settings = connection.settings().build();
		assertThat(settings.getSslSettings().isEnabled()).isTrue();
		assertThat(settings.getSslSettings().getContext()).isNotNull();
		assertThat(settings.getClusterSettings().getRequiredReplicaSetName()).isEqualTo("rs0");
		assertThat(connection.safeUri()).isEqualTo("mongodb://db1/codestream?tls=true&tlsCAFile=" + CA + "&replicaSet=rs0");
	}

	@Test
	void uriShouldWinOverTheProperties() {
		MongoClientSettings settings = settings(
				"mongodb://db1/codestream?tls=false&directConnection=false&readPreference=primary&socketTimeoutMS=1000",
				options(true, CA, true, "nearest"));

		assertThat(settings.getSslSettings().isEnabled()).isFalse();
		assertThat(settings.getClusterSettings().getMode()).isEqualTo(ClusterConnectionMode.MULTIPLE);
		assertThat(settings.getReadPreference()).isEqualTo(ReadPreference.primary());
		assertThat(settings.getSocketSettings().getReadTimeout(TimeUnit.MILLISECONDS)).isEqualTo(1000);
	}

	@Test
	void propertiesShouldFillWhatTheUriLeavesOpen() {
		MongoClientSettings settings = settings("mongodb://db1/codestream", options(true, null, true, "nearest"));

		assertThat(settings.getSslSettings().isEnabled()).isTrue();
		assertThat(settings.getClusterSettings().getMode()).isEqualTo(ClusterConnectionMode.SINGLE);
		assertThat(settings.getReadPreference()).isEqualTo(ReadPreference.nearest());
		assertThat(settings.getSocketSettings().getReadTimeout(TimeUnit.SECONDS)).isEqualTo(180);
		assertThat(settings.getSocketSettings().getConnectTimeout(TimeUnit.SECONDS)).isEqualTo(4);
		assertThat(settings.getClusterSettings().getServerSelectionTimeout(TimeUnit.SECONDS)).isEqualTo(8);
	}

	@Test
	void replicaSetShouldBeReadFromASecondaryWhenNothingElseIsSaid() {
		assertThat(settings("mongodb://db1,db2/codestream?replicaSet=rs0", MongoOptions.DEFAULTS).getReadPreference())
			.isEqualTo(ReadPreference.secondaryPreferred());
		assertThat(settings("mongodb://db1/codestream", MongoOptions.DEFAULTS).getReadPreference())
			.isEqualTo(ReadPreference.primary());
	}

	@Test
	void unknownReadPreferenceShouldBeAConfigError() {
		assertThatThrownBy(() -> settings("mongodb://db1/codestream", options(null, null, null, "fastest")))
			.isInstanceOf(ConfigException.class)
			.hasMessageContaining("phonehome.mongodb.read-preference: 'fastest' is not a read preference");
	}

	@Test
	void caFileThatCannotBeUsedShouldSayWhichAndWhy() throws IOException {
		Path notPem = Files.writeString(folder.resolve("ca.pem"), "not a certificate");

		assertThatThrownBy(() -> settings("mongodb://db1/codestream", options(null, folder.resolve("missing.pem"), null, null)))
			.isInstanceOf(ConfigException.class)
			.hasMessageStartingWith(folder.resolve("missing.pem") + ": cannot read the TLS CA file");
		assertThatThrownBy(() -> settings("mongodb://db1/codestream", options(null, notPem, null, null)))
			.isInstanceOf(ConfigException.class)
			.hasMessage(notPem + ": the TLS CA file is not a PEM certificate (or bundle)");
	}

	@Test
	void passwordFromTheEnvironmentShouldBeUsedAndNeverShown() {
		String password = "p@ss w/rd?#";

		MongoConnection connection = MongoConnection.of("mongodb://phonehome@db1/codestream?authSource=admin",
				MongoOptions.DEFAULTS, Map.of(MongoConnection.PASSWORD_VARIABLE, password));

		MongoClientSettings settings = connection.settings().build();
		assertThat(new String(settings.getCredential().getPassword())).isEqualTo(password);
		assertThat(settings.getCredential().getUserName()).isEqualTo("phonehome");
		assertThat(settings.getCredential().getSource()).isEqualTo("admin");
		assertThat(connection.safeUri()).isEqualTo("mongodb://phonehome@db1/codestream?authSource=admin");
		assertThat(connection.scrub("driver said: " + password)).isEqualTo("driver said: ****");
	}

	@Test
	void passwordFileShouldBePrivate() throws IOException {
		Path file = Files.writeString(folder.resolve("mongodb-password"), "s3cret\n");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		Map<String, String> environment = Map.of(MongoConnection.PASSWORD_FILE_VARIABLE, file.toString());

		MongoClientSettings settings = MongoConnection.of("mongodb://phonehome@db1/codestream", MongoOptions.DEFAULTS,
				environment).settings().build();
		assertThat(new String(settings.getCredential().getPassword())).isEqualTo("s3cret");

		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
		assertThatThrownBy(() -> MongoConnection.of("mongodb://phonehome@db1/codestream", MongoOptions.DEFAULTS,
				environment))
			.isInstanceOf(ConfigException.class)
			.hasMessageContaining("the MongoDB password file (PHONEHOME_MONGODB_PASSWORD_FILE) is readable by every user")
			.message()
			.doesNotContain("s3cret");
	}

	@Test
	void uriThatDoesNotParseShouldNotShowAnyPieceOfThePassword() {
		assertThatThrownBy(() -> MongoConnection.of("mongodb://u:p%zzs3cret@db1/codestream", MongoOptions.DEFAULTS, Map.of()))
			.isInstanceOf(ConfigException.class)
			.hasMessageStartingWith("mongodb://u:****@db1/codestream: not a valid MongoDB connection string")
			.hasNoCause()
			.message()
			.doesNotContain("zz")
			.doesNotContain("s3cret");
	}

}
