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
 * Issue 11, the source's URI (a context of its own): a password the driver accepts, to a MongoDB that cannot be
 * reached. The night fails inside the job, where Batch records every failure, its causes and stack trace, in its
 * tables; the password appears in none of them, nor anywhere else ({@link SecretScan}).
 */
@ExtendWith(OutputCaptureExtension.class)
class UnreachableSourceLeakTests extends PhoneHomeTestSupport {

	private static final int CLOSED = SecretLeakTests.closedPort();

	@DynamicPropertySource
	static void source(DynamicPropertyRegistry registry) {
		registry.add(SourceSelection.SOURCE, () -> "mongodb://phonehome:LEAK10pw@127.0.0.1:" + CLOSED + "/codestream");
		registry.add("phonehome.mongodb.timeout", () -> "3s");
	}

	@Test
	void passwordShouldAppearNowhereNotEvenInBatchsFailureRecords(CapturedOutput output) {
		// when
		CliResult run = cli("run", "--date", "2026-11-20", "--config", demoConfig("free"));

		// then: the night started and failed inside the job
		assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
		assertThat(run.err()).contains("MongoDB mongodb://phonehome:****@127.0.0.1:" + CLOSED + "/codestream: "
				+ "connection refused");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'FAILED'",
				Integer.class)).isOne();
		assertThat(SecretScan.afterRun(List.of("LEAK10pw"), run, output, jdbc, HOME))
			.as("where the secret leaked")
			.isEmpty();
	}

}
