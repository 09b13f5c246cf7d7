package dev.phonehome.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ServicesConfigReaderTests {

	@TempDir
	Path folder;

	@Test
	void configShouldYieldOnlyTheContractKeys() throws IOException {
		Path file = write("""
				{
				  "sharedGeneral": {"installationId": "6c1f0a2e-85d4-11eb-9c1a-0242ac130003", "runTimeEnvironment": "onprem"},
				  "apiServer": {"disablePhoneHome": true, "phoneHomeUrl": "https://phone-home.example"},
				  "sharedSecrets": {"telemetry": "older-home-key"},
				  "email": {"suppressEmails": true},
				  "integrations": {"slack": {"legacy": {"disabled": true, "interactiveComponentsEnabled": true},
				                             "cloud": {"interactiveComponentsEnabled": false}}},
				  "telemetry": {"segment": {"token": "seg"}}
				}
				""");

		ServicesConfig config = ServicesConfigReader.read(file);

		assertThat(config.installationId()).isEqualTo("6c1f0a2e-85d4-11eb-9c1a-0242ac130003");
		assertThat(config.disablePhoneHome()).isTrue();
		assertThat(config.phoneHomeUrl()).isEqualTo("https://phone-home.example");
		assertThat(config.phoneHomeKey().source()).isEqualTo("sharedSecrets.telemetry");
		assertThat(config.phoneHomeKey().reveal()).isEqualTo("older-home-key");
		assertThat(config.outboundEmailEnabled()).isFalse();
		// a disabled block does not count, and the enabled one says false
		assertThat(config.slackInteractiveComponentsEnabled()).isFalse();
		assertThat(config.eventTelemetryEnabled()).isTrue();
		assertThat(config.warnings()).isEmpty();
	}

	@Test
	void missingKeysShouldTakeTheContractDefaults() throws IOException {
		ServicesConfig config = ServicesConfigReader.read(write("{\"sharedGeneral\": {\"installationId\": \"abc\"}}"));

		assertThat(config.disablePhoneHome()).isFalse();
		assertThat(config.phoneHomeUrl()).isNull();
		assertThat(config.phoneHomeKey()).isNull();
		assertThat(config.outboundEmailEnabled()).isTrue();
		assertThat(config.slackInteractiveComponentsEnabled()).isFalse();
		assertThat(config.eventTelemetryEnabled()).isFalse();
	}

	@Test
	void universalSecretsShouldWinOverTheOlderHome() throws IOException {
		ServicesConfig config = ServicesConfigReader.read(write("""
				{"sharedGeneral": {"installationId": "abc"},
				 "universalSecrets": {"telemetry": "new"}, "sharedSecrets": {"telemetry": "old"}}
				"""));

		assertThat(config.phoneHomeKey().source()).isEqualTo("universalSecrets.telemetry");
		assertThat(config.phoneHomeKey().toString()).doesNotContain("new");
	}

	@Test
	void telemetryDisabledShouldTurnEventTelemetryOff() throws IOException {
		ServicesConfig config = ServicesConfigReader.read(write("""
				{"sharedGeneral": {"installationId": "abc"}, "telemetry": {"disabled": true, "segment": {"token": "seg"}}}
				"""));

		assertThat(config.eventTelemetryEnabled()).isFalse();
	}

	@Test
	void trailingCommaShouldBeAcceptedWithAWarningThatSaysWhere() throws IOException {
		Path file = write("""
				{
				  "sharedGeneral": {"installationId": "abc"},
				  "apiServer": {"disablePhoneHome": false},
				}
				""");

		ServicesConfig config = ServicesConfigReader.read(file);

		assertThat(config.installationId()).isEqualTo("abc");
		assertThat(config.warnings()).singleElement().asString().startsWith(file + ":4:").contains("trailing comma");
	}

	@Test
	void syntaxErrorShouldNameFileLineColumnAndGiveAHint() throws IOException {
		Path file = write("""
				{
				  "sharedGeneral": {"installationId": "abc"}
				  "apiServer": {"disablePhoneHome": false}
				}
				""");

		assertThatThrownBy(() -> ServicesConfigReader.read(file)).isInstanceOf(ConfigException.class)
			.hasMessageStartingWith(file + ":3:")
			.hasMessageContaining("syntax error")
			.hasMessageContaining("hint: a comma between two entries");
	}

	@Test
	void missingInstallationIdShouldBeRefusedNamingTheKey() throws IOException {
		Path file = write("{\"sharedGeneral\": {}, \"universalSecrets\": {\"telemetry\": \"s3cr3t\"}}");

		assertThatThrownBy(() -> ServicesConfigReader.read(file)).isInstanceOf(ConfigException.class)
			.hasMessageContaining("sharedGeneral.installationId is missing")
			.hasMessageNotContaining("s3cr3t");
	}

	@Test
	void wrongTypeShouldNameTheKeyButNotTheValue() throws IOException {
		Path file = write("{\"sharedGeneral\": {\"installationId\": \"abc\"}, \"apiServer\": {\"disablePhoneHome\": \"yes\"}}");

		assertThatThrownBy(() -> ServicesConfigReader.read(file)).isInstanceOf(ConfigException.class)
			.hasMessage(file + ": apiServer.disablePhoneHome must be true or false");
	}

	@Test
	void missingFileShouldSayHowToPointAtIt() {
		assertThatThrownBy(() -> ServicesConfigReader.read(folder.resolve("nope.json")))
			.isInstanceOf(ConfigException.class)
			.hasMessageContaining("services config not found")
			.hasMessageContaining("--config FILE");
	}

	@Test
	void versionShouldComeFromTheOnPremVersionLineOrBeNa() throws IOException {
		Path versions = folder.resolve("container-versions");
		Files.writeString(versions, "dockerRepo=x\nonPremVersion=8.2.26\n");

		assertThat(InstallationVersion.read(versions)).isEqualTo("8.2.26");
		assertThat(InstallationVersion.read(folder.resolve("missing"))).isEqualTo("NA");
		Files.writeString(versions, "dockerRepo=x\n");
		assertThat(InstallationVersion.read(versions)).isEqualTo("NA");
	}

	@Test
	void configWithAKeyReadableByOthersShouldBeRefused() throws IOException {
		Path file = write("{\"sharedGeneral\": {\"installationId\": \"abc\"}, \"universalSecrets\": {\"telemetry\": \"s3cr3t\"}}");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

		assertThatThrownBy(() -> ServicesConfigReader.read(file, Map.of())).isInstanceOf(ConfigException.class)
			.hasMessageContaining("readable by every user")
			.hasMessageContaining("chmod o-rwx " + file)
			.hasMessageNotContaining("s3cr3t");
	}

	@Test
	void keyFromTheEnvironmentShouldWinAndAKeyFileMustBePrivate() throws IOException {
		Path file = write("{\"sharedGeneral\": {\"installationId\": \"abc\"}, \"universalSecrets\": {\"telemetry\": \"cfg\"}}");
		Path keyFile = folder.resolve("key");
		Files.writeString(keyFile, "from-file\n");
		Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));

		assertThat(ServicesConfigReader.read(file, Map.of("PHONEHOME_KEY", "from-env")).phoneHomeKey().reveal())
			.isEqualTo("from-env");
		PhoneHomeKey fromFile = ServicesConfigReader.read(file, Map.of("PHONEHOME_KEY_FILE", keyFile.toString()))
			.phoneHomeKey();
		assertThat(fromFile.reveal()).isEqualTo("from-file");
		assertThat(fromFile.source()).isEqualTo("key file " + keyFile);

		Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));
		assertThatThrownBy(() -> ServicesConfigReader.read(file, Map.of("PHONEHOME_KEY_FILE", keyFile.toString())))
			.isInstanceOf(ConfigException.class)
			.hasMessageContaining("the key file (PHONEHOME_KEY_FILE) is readable by every user");
	}

	@Test
	void keyShouldBeTrimmed() throws IOException {
		Path file = write("{\"sharedGeneral\": {\"installationId\": \"abc\"}, \"universalSecrets\": {\"telemetry\": \"  k3y \\n\"}}");

		assertThat(ServicesConfigReader.read(file, Map.of()).phoneHomeKey().reveal()).isEqualTo("k3y");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			zero-width space | s3cret\u200Bkey | a character outside ASCII
			line break       | s3cret\\nkey    | a control character
			tab              | s3cret\\tkey    | a control character
			inner space      | s3cret key      | a space
			""")
	void keyThatCannotGoInAHeaderShouldBeRefusedWithoutShowingIt(String what, String key, String kind)
			throws IOException {
		Path file = write("{\"sharedGeneral\": {\"installationId\": \"abc\"}, \"universalSecrets\": {\"telemetry\": \""
				+ key + "\"}}");

		assertThatThrownBy(() -> ServicesConfigReader.read(file, Map.of())).isInstanceOf(ConfigException.class)
			.hasMessageStartingWith(file + ": universalSecrets.telemetry (the phone-home key) contains " + kind)
			.hasMessageContaining("visible ASCII only")
			.hasNoCause()
			.message()
			.doesNotContain("s3cret")
			.doesNotContain("key\"")
			.doesNotContain("\u200B");
	}

	@Test
	void keyFromTheEnvironmentShouldBeCheckedToo() throws IOException {
		Path file = write("{\"sharedGeneral\": {\"installationId\": \"abc\"}}");

		assertThatThrownBy(() -> ServicesConfigReader.read(file, Map.of("PHONEHOME_KEY", "s3cret\u00A0key")))
			.isInstanceOf(ConfigException.class)
			.hasMessageStartingWith("environment: PHONEHOME_KEY (the phone-home key) contains a character outside ASCII")
			.message()
			.doesNotContain("s3cret");
	}

	static Stream<Arguments> syntaxErrorsInTheKey() {
		return Stream.of(Arguments.of("unquoted key value", "\"telemetry\": s3cretKey}}", "a value that is not JSON"),
				Arguments.of("line break inside the key", "\"telemetry\": \"s3cret\nKey\"}}", "a control character"),
				Arguments.of("key value cut off", "\"telemetry\": \"s3cretKey", "the file ends before the JSON is complete"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("syntaxErrorsInTheKey")
	void syntaxErrorInTheKeyShouldNameTheFileLineAndColumnButQuoteNothing(String what, String tail, String words)
			throws IOException {
		Path file = write("{\"sharedGeneral\": {\"installationId\": \"abc\"}, \"universalSecrets\": {" + tail);

		assertThatThrownBy(() -> ServicesConfigReader.read(file, Map.of())).isInstanceOf(ConfigException.class)
			.hasMessageMatching("(?s)\\Q" + file + "\\E:[12]:\\d+: syntax error: .*")
			.hasMessageContaining("syntax error: " + words)
			.hasNoCause()
			.message()
			.doesNotContain("s3cret")
			.doesNotContain("Key");
	}

	private Path write(String json) throws IOException {
		Path file = folder.resolve("codestream-services-config.json");
		Files.writeString(file, json);
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		return file;
	}

}
