package dev.phonehome.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Without a terminal (cron), progress is plain log lines: items, share, rate and time left; never a bar. */
@ExtendWith(OutputCaptureExtension.class)
class StepProgressListenerTests {

	@Test
	void withoutATerminalProgressShouldBeLogLinesWithRateAndEta(CapturedOutput output) {
		// given
		StepProgressListener listener = new StepProgressListener(new ProgressProperties("log", Duration.ZERO),
				() -> OptionalLong.of(4));
		StepExecution step = new StepExecution("collectUsersStep",
				new JobExecution(1L, new JobInstance(1L, "phoneHomeJob"), new JobParameters()));

		// when
		listener.beforeStep(step);
		listener.afterChunk(new Chunk<>(List.of("a", "b")));
		step.setWriteCount(4);
		listener.afterChunk(new Chunk<>(List.of("c", "d")));
		listener.afterStep(step);

		// then
		assertThat(output.getAll()).contains("collectUsersStep: 2 of 4 (50%),")
			.containsPattern("items/s, about [0-9.]+ s left")
			.contains("collectUsersStep: 4 of 4 (100%)")
			.contains("collectUsersStep: 4 items in")
			.doesNotContain("[=");
	}

	@Test
	void offShouldSayNothing(CapturedOutput output) {
		StepProgressListener listener = new StepProgressListener(new ProgressProperties("off", Duration.ZERO),
				OptionalLong::empty);
		StepExecution step = new StepExecution("collectTeamsStep",
				new JobExecution(2L, new JobInstance(2L, "phoneHomeJob"), new JobParameters()));

		listener.beforeStep(step);
		listener.afterChunk(new Chunk<>(List.of("a")));
		listener.afterStep(step);

		assertThat(output.getAll()).doesNotContain("collectTeamsStep");
	}

}
