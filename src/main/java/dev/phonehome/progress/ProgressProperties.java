package dev.phonehome.progress;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a run reports its progress.
 *
 * @param mode {@code auto}: a progress bar on a terminal, plain log lines otherwise (cron mail); or {@code bar},
 * {@code log}, {@code off}
 * @param logInterval how often a log line reports a long step's progress
 */
@ConfigurationProperties("phonehome.progress")
public record ProgressProperties(@DefaultValue("auto") String mode, @DefaultValue("10s") Duration logInterval) {

	boolean bars() {
		return "bar".equals(mode) || ("auto".equals(mode) && System.console() != null);
	}

	boolean off() {
		return "off".equals(mode);
	}

}
