package dev.phonehome.progress;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.core.step.StepExecution;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Reports a chunked step's progress: items, rate and ETA. A progress bar (to stderr) when a person watches a
 * terminal; otherwise a plain log line at most every {@code log-interval}, and one when the step ends.
 */
public class StepProgressListener implements StepExecutionListener, ChunkListener<Object, Object> {

	private static final Logger log = LoggerFactory.getLogger(StepProgressListener.class);

	private final ProgressProperties properties;

	private final Supplier<OptionalLong> expected;

	private StepExecution step;

	private ProgressBar bar;

	private long total;

	/** Items written so far; the step execution's own counters are updated only after the chunk listeners run. */
	private long items;

	private long startNanos;

	private long lastLogNanos;

	/** @param expected the items the step will read, when the source can tell (for the ETA) */
	public StepProgressListener(ProgressProperties properties, Supplier<OptionalLong> expected) {
		this.properties = properties;
		this.expected = expected;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		step = stepExecution;
		items = stepExecution.getWriteCount();
		if (properties.off()) {
			return;
		}
		total = expected.get().orElse(-1);
		startNanos = System.nanoTime();
		lastLogNanos = startNanos;
		if (properties.bars()) {
			bar = new ProgressBarBuilder().setTaskName(stepExecution.getStepName())
				.setInitialMax(total)
				.setStyle(ProgressBarStyle.ASCII)
				.setUnit(" items", 1)
				.showSpeed()
				.continuousUpdate()
				.build();
			bar.stepTo(items);
		}
	}

	@Override
	public void afterChunk(Chunk<Object> chunk) {
		if (step == null) {
			return;
		}
		items += chunk.size();
		if (bar != null) {
			bar.stepTo(items);
			return;
		}
		long now = System.nanoTime();
		if (!properties.off() && Duration.ofNanos(now - lastLogNanos).compareTo(properties.logInterval()) >= 0) {
			lastLogNanos = now;
			log.info("{}: {}", step.getStepName(), describe(items, now));
		}
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		if (bar != null) {
			bar.stepTo(stepExecution.getReadCount());
			bar.close();
			bar = null;
		}
		else if (!properties.off()) {
			log.info("{}: {} items in {}", stepExecution.getStepName(), stepExecution.getWriteCount(),
					seconds(System.nanoTime() - startNanos));
		}
		return null;
	}

	private String describe(long items, long now) {
		double elapsed = (now - startNanos) / 1e9;
		double rate = elapsed > 0 ? items / elapsed : 0;
		StringBuilder text = new StringBuilder().append(items);
		if (total > 0) {
			text.append(" of ").append(total).append(String.format(" (%.0f%%)", 100.0 * items / total));
		}
		text.append(String.format(", %.0f items/s", rate));
		if (total > 0 && rate > 0 && items < total) {
			text.append(", about ").append(seconds((long) ((total - items) / rate * 1e9))).append(" left");
		}
		return text.toString();
	}

	private static String seconds(long nanos) {
		return String.format("%.1f s", nanos / 1e9);
	}

}
