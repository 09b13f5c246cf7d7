package dev.phonehome.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.phonehome.PhoneHomeTestSupport;

/** End to end on the embedded store: import a demo dump, run its night, compare with the golden payload. */
class PhoneHomeJobFunctionalTests extends PhoneHomeTestSupport {

	private static final Path GOLDEN = Path.of("src/test/resources/golden");

	@Test
	void freeNightShouldWriteTheGoldenPayloadWithEmails(@TempDir Path out) throws Exception {
		// given
		assertThat(cli("import", "--from", demoDump("free")).exitCode()).isZero();

		// when
		CliResult run = cli("run", "--date", "2026-11-20", "--dry-run", "--out", out.toString(), "--config",
				demoConfig("free"));

		// then
		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(Files.readAllBytes(out.resolve("payload.json")))
			.isEqualTo(Files.readAllBytes(GOLDEN.resolve("demo-free-2026-11-20.payload.json")));
		assertThat(run.out()).contains("users         50", "emails included", "disablePhoneHome is set but ignored");
	}

	@Test
	void paidNightShouldWriteTheGoldenPayloadWithoutAnyEmailKey(@TempDir Path out) throws Exception {
		// given
		assertThat(cli("import", "--from", demoDump("paid")).exitCode()).isZero();

		// when
		CliResult run = cli("run", "--date", "2026-11-20", "--dry-run", "--out", out.toString(), "--config",
				demoConfig("paid"));

		// then
		assertThat(run.exitCode()).as(run.err()).isZero();
		byte[] payload = Files.readAllBytes(out.resolve("payload.json"));
		assertThat(payload).isEqualTo(Files.readAllBytes(GOLDEN.resolve("demo-paid-2026-11-20.payload.json")));
		assertThat(new String(payload)).doesNotContain("\"email\"").doesNotContain("@");
		assertThat(run.out()).contains("emails redacted: paid installation");
	}

}
