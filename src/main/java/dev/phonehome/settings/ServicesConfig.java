package dev.phonehome.settings;

import java.nio.file.Path;
import java.util.List;

/**
 * The keys phonehome reads from the installation's {@code codestream-services-config.json}, or from the
 * {@code configData} of its active {@code structuredConfiguration} document in MongoDB
 * (shared/contract/installation-dump.md), and nothing else of them.
 *
 * @param origin where it was read from (a file, or a MongoDB document with its serial number and revision)
 * @param installationId {@code sharedGeneral.installationId}
 * @param disablePhoneHome {@code apiServer.disablePhoneHome}
 * @param phoneHomeUrl {@code apiServer.phoneHomeUrl}, {@code null} when missing (delivery impossible)
 * @param phoneHomeKey {@code universalSecrets.telemetry}, else {@code sharedSecrets.telemetry}; {@code null} when
 * neither is set (delivery impossible)
 * @param outboundEmailEnabled not {@code email.suppressEmails}
 * @param slackInteractiveComponentsEnabled some enabled {@code integrations.slack.<appProvider>} block says true
 * @param eventTelemetryEnabled {@code telemetry.segment.token} is set and {@code telemetry.disabled} is not true
 * @param storageMongoUrl {@code storage.mongo.url}: the installation's MongoDB, the live source of the night's
 * data; {@code null} when missing (then the embedded store). May hold a password: show it only through
 * {@link SafeUrl}
 * @param storageMongoTlsCaFile {@code storage.mongo.tlsCAFile}: the CA the server trusts for that MongoDB
 * @param warnings what was accepted but should be fixed (a trailing comma), to show the operator
 */
public record ServicesConfig(ConfigOrigin origin, String installationId, boolean disablePhoneHome,
		String phoneHomeUrl, PhoneHomeKey phoneHomeKey, boolean outboundEmailEnabled,
		boolean slackInteractiveComponentsEnabled, boolean eventTelemetryEnabled, String storageMongoUrl,
		String storageMongoTlsCaFile, List<String> warnings) {

	public static final Path DEFAULT_LOCATION = Path.of(System.getProperty("user.home"), ".codestream",
			"codestream-services-config.json");

	public ServicesConfig {
		warnings = List.copyOf(warnings);
	}

	@Override
	public String toString() {
		return "ServicesConfig[" + origin + ", installationId " + installationId + ", storage.mongo.url "
				+ SafeUrl.of(storageMongoUrl) + ", key " + phoneHomeKey + "]";
	}

}
