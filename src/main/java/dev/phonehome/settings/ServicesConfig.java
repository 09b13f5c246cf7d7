package dev.phonehome.settings;

import java.nio.file.Path;
import java.util.List;

/**
 * The keys phonehome reads from the installation's {@code codestream-services-config.json}
 * (shared/contract/installation-dump.md), and nothing else of that file.
 *
 * @param file where it was read from
 * @param installationId {@code sharedGeneral.installationId}
 * @param disablePhoneHome {@code apiServer.disablePhoneHome}
 * @param phoneHomeUrl {@code apiServer.phoneHomeUrl}, {@code null} when missing (delivery impossible)
 * @param phoneHomeKey {@code universalSecrets.telemetry}, else {@code sharedSecrets.telemetry}; {@code null} when
 * neither is set (delivery impossible)
 * @param outboundEmailEnabled not {@code email.suppressEmails}
 * @param slackInteractiveComponentsEnabled some enabled {@code integrations.slack.<appProvider>} block says true
 * @param eventTelemetryEnabled {@code telemetry.segment.token} is set and {@code telemetry.disabled} is not true
 * @param warnings what was accepted but should be fixed (a trailing comma), to show the operator
 */
public record ServicesConfig(Path file, String installationId, boolean disablePhoneHome, String phoneHomeUrl,
		PhoneHomeKey phoneHomeKey, boolean outboundEmailEnabled, boolean slackInteractiveComponentsEnabled,
		boolean eventTelemetryEnabled, List<String> warnings) {

	public static final Path DEFAULT_LOCATION = Path.of(System.getProperty("user.home"), ".codestream",
			"codestream-services-config.json");

	public ServicesConfig {
		warnings = List.copyOf(warnings);
	}

}
