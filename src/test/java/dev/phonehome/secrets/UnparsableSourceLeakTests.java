package dev.phonehome.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.phonehome.PhoneHomeTestSupport;
import dev.phonehome.source.SourceSelection;

/**
 * Issue 11, the source's URI (decided when phonehome starts, hence a context of its own): {@code ?} in the
 * password, which the driver cannot parse and the old mask cut at. The night stops before it starts, naming the
 * URI masked; the password appears nowhere ({@link SecretScan}).
 */
@ExtendWith(OutputCaptureExtension.class)
class UnparsableSourceLeakTests extends PhoneHomeTestSupport {

	@DynamicPropertySource
	static void source(DynamicPropertyRegistry registry) {
		registry.add(SourceSelection.SOURCE, () -> "mongodb://u:pa?LEAK9@127.0.0.1:1/codestream");
	}

	@Test
	void passwordShouldAppearNowhere(CapturedOutput output) {
		// when
		CliResult run = cli("run", "--date", "2026-11-20", "--config", demoConfig("free"));

		// then
		assertThat(run.exitCode()).isEqualTo(3);
		assertThat(run.err()).contains("the property phonehome.source: mongodb://u:****@127.0.0.1:1/codestream: "
				+ "not a valid MongoDB connection string");
		assertThat(SecretScan.afterRun(List.of("pa?LEAK9", "LEAK9"), run, output, jdbc, HOME))
			.as("where the secret leaked")
			.isEmpty();
	}

}
