package dev.phonehome.delivery;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.phonehome.settings.ConfigOrigin;
import dev.phonehome.settings.PhoneHomeKey;
import dev.phonehome.settings.ServicesConfig;

/**
 * The sender's last line of defence (issue 11): a key the JDK refuses in a header (one that did not come through
 * {@code PhoneHomeKey.read}) fails the request in our words, not the JDK's, which quote the key.
 */
class PhoneHomeSenderTests {

	@TempDir
	Path folder;

	@Test
	void keyTheJdkRefusesShouldFailWithoutBeingQuoted() throws IOException {
		// given: a key that bypassed the check when read
		Path payload = Files.writeString(folder.resolve("payload.json"), "{}");
		ServicesConfig config = new ServicesConfig(ConfigOrigin.file(folder.resolve("config.json")), "id", false,
				"http://127.0.0.1:9/", new PhoneHomeKey("universalSecrets.telemetry", "LEAKa\nLEAKb"), true, false,
				false, null, null, List.of());
		PhoneHomeEndpoint endpoint = PhoneHomeEndpoint.resolve(config, false).endpoint();
		OutboxEntry entry = new OutboxEntry(LocalDate.parse("2026-11-20"), 1, payload, "x", 2, OutboxEntry.PENDING,
				null, false, 0, null, null, null, null, null, false);
		PhoneHomeSender sender = new PhoneHomeSender(new DeliveryProperties(Duration.ofSeconds(1),
				Duration.ofSeconds(1), 0, Duration.ofMillis(10), 2.0, Duration.ofMillis(10), Duration.ZERO, 1));

		// when / then
		assertThatThrownBy(() -> sender.send(endpoint, List.of(entry), "k"))
			.isInstanceOf(DeliveryFailure.class)
			.hasMessageContaining("the JDK refused a header value (check the phone-home key")
			.hasNoCause()
			.message()
			.doesNotContain("LEAK");
	}

}
