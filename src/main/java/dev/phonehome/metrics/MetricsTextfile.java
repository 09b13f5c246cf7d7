package dev.phonehome.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Service;

import dev.phonehome.delivery.Outbox;
import dev.phonehome.delivery.OutboxEntry;
import dev.phonehome.record.NightRecord;
import dev.phonehome.record.NightRecords;

/**
 * The Prometheus node_exporter textfile ({@code phonehome.metrics.textfile}), so monitoring sees the nightly job
 * as it sees any cron job. A run rewrites its own metrics ({@code phonehome_last_run_*}), {@code verify} its own
 * ({@code phonehome_last_verify_*}); each keeps the other's lines from the file as it was, and both recompute the
 * outbox's (nights pending, the oldest one's age, the last delivery). The file is written beside itself and moved
 * into place atomically, so node_exporter never reads half of it. No secret, address or path in any line.
 */
@Service
public class MetricsTextfile {

	private static final Logger log = LoggerFactory.getLogger(MetricsTextfile.class);

	private static final String RUN = "phonehome_last_run_";

	private static final String VERIFY = "phonehome_last_verify_";

	private final MetricsProperties properties;

	private final Outbox outbox;

	private final Clock clock;

	MetricsTextfile(MetricsProperties properties, Outbox outbox, Clock clock) {
		this.properties = properties;
		this.outbox = outbox;
		this.clock = clock;
	}

	/**
	 * After a {@code run}: what it came to.
	 *
	 * @param execution the execution that ran; {@code null} when the night was refused before anything ran
	 * @param exitCode the process's exit code
	 */
	public void afterRun(JobExecution execution, int exitCode, Duration took) {
		if (properties.textfile() == null) {
			return;
		}
		Families run = new Families();
		run.gauge(RUN + "timestamp_seconds", "When the last phonehome run ended (Unix time).", "",
				seconds(clock.instant()));
		run.gauge(RUN + "exit_code", "Exit code of the last phonehome run (0 ok, 9 queued not delivered, 11 stale "
				+ "store, see README).", "", exitCode);
		run.gauge(RUN + "duration_seconds", "Wall time of the last phonehome run.", "", took.toMillis() / 1000.0);
		if (execution != null) {
			NightRecord record = NightRecords.read(execution);
			run.gauge(RUN + "night_timestamp_seconds", "The night (start of its UTC day) the last run was for.",
					label("night", record.date().toString()) + "," + label("mode", record.runLabel()),
					record.night().startMillis() / 1000);
			run.gauge(RUN + "status", "The last run's job status (the series with value 1).",
					label("status", execution.getStatus().name()), 1);
			for (StepExecution step : execution.getStepExecutions()) {
				if (step.getStartTime() != null && step.getEndTime() != null) {
					run.gauge(RUN + "step_duration_seconds", "Duration of each step of the last run.",
							label("step", step.getStepName()),
							Duration.between(step.getStartTime(), step.getEndTime()).toMillis() / 1000.0);
				}
			}
			if (record.payload() != null) {
				NightRecord.SectionCounts counts = record.payload().counts();
				String help = "Items per payload section of the last run.";
				run.gauge(RUN + "items", help, label("section", "companies"), counts.companies());
				run.gauge(RUN + "items", help, label("section", "teams"), counts.teams());
				run.gauge(RUN + "items", help, label("section", "users"), counts.users());
				run.gauge(RUN + "items", help, label("section", "codeReviews"), counts.codeReviews());
			}
		}
		else {
			run.gauge(RUN + "status", "The last run's job status (the series with value 1).",
					label("status", "NOT_RUN"), 1);
		}
		rewrite(RUN, run);
	}

	/** After {@code verify}: whether it found the archive and the record chain intact. */
	public void afterVerify(boolean ok, long problems) {
		if (properties.textfile() == null) {
			return;
		}
		Families verify = new Families();
		verify.gauge(VERIFY + "timestamp_seconds", "When phonehome verify last ran (Unix time).", "",
				seconds(clock.instant()));
		verify.gauge(VERIFY + "ok", "1 if the last verify found everything intact, else 0.", "", ok ? 1 : 0);
		verify.gauge(VERIFY + "problems", "Problems the last verify found.", "", problems);
		rewrite(VERIFY, verify);
	}

	/** Replaces the families under {@code prefix}, keeps the other command's, recomputes the outbox's. */
	private void rewrite(String prefix, Families fresh) {
		Path file = properties.textfile().toAbsolutePath();
		try {
			Families all = new Families();
			String other = prefix.equals(RUN) ? VERIFY : RUN;
			if (Files.exists(file)) {
				Families.parse(Files.readAllLines(file, StandardCharsets.UTF_8)).keepOnly(other).into(all);
			}
			fresh.into(all);
			outboxFamilies().into(all);
			Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
			Files.writeString(temporary, all.render(), StandardCharsets.UTF_8);
			// node_exporter runs as another user; the file holds counts and times only
			Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
			Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException | RuntimeException ex) {
			// monitoring must not fail the night: the stale timestamp in the file is what an alert sees
			log.warn("metrics: cannot write {}: {}", file, ex.getMessage());
		}
	}

	private Families outboxFamilies() {
		Families f = new Families();
		List<OutboxEntry> entries = outbox.all();
		Instant now = clock.instant();
		long pending = entries.stream().filter(e -> OutboxEntry.PENDING.equals(e.status())).count();
		long refused = entries.stream().filter(e -> OutboxEntry.REFUSED.equals(e.status())).count();
		f.gauge("phonehome_nights_pending", "Nights archived and queued but not delivered yet.", "", pending);
		f.gauge("phonehome_nights_refused", "Nights the receiver refused, set aside until re-queued.", "", refused);
		long oldestAge = entries.stream()
			.filter(e -> !e.delivered())
			.map(e -> e.night().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())
			.min(Instant::compareTo)
			.map(end -> Math.max(0, Duration.between(end, now).toSeconds()))
			.orElse(0L);
		f.gauge("phonehome_oldest_pending_night_age_seconds",
				"Seconds since the end of the oldest night not delivered (0 when none).", "", oldestAge);
		entries.stream()
			.filter(OutboxEntry::delivered)
			.map(OutboxEntry::deliveredAt)
			.max(Instant::compareTo)
			.ifPresent(last -> f.gauge("phonehome_last_delivery_timestamp_seconds",
					"When a night was last delivered (confirmed by HTTP 200; Unix time).", "", seconds(last)));
		return f;
	}

	private static double seconds(Instant instant) {
		return instant.toEpochMilli() / 1000.0;
	}

	private static String label(String name, String value) {
		return name + "=\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
	}

	/** Metric families in the text exposition format: HELP and TYPE once, then the samples, in first-seen order. */
	private static final class Families {

		private final Map<String, List<String>> families = new LinkedHashMap<>();

		void gauge(String name, String help, String labels, double value) {
			List<String> lines = families.computeIfAbsent(name,
					n -> new ArrayList<>(List.of("# HELP " + n + " " + help, "# TYPE " + n + " gauge")));
			lines.add(name + (labels.isEmpty() ? "" : "{" + labels + "}") + " " + format(value));
		}

		private static String format(double value) {
			return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
					: String.format(Locale.ROOT, "%.3f", value);
		}

		static Families parse(List<String> lines) {
			Families parsed = new Families();
			for (String line : lines) {
				String name = nameOf(line);
				if (name != null) {
					parsed.families.computeIfAbsent(name, n -> new ArrayList<>()).add(line);
				}
			}
			return parsed;
		}

		private static String nameOf(String line) {
			String rest = line.startsWith("# HELP ") || line.startsWith("# TYPE ") ? line.substring(7) : line;
			if (rest.isBlank() || rest.startsWith("#")) {
				return null;
			}
			int end = 0;
			while (end < rest.length() && rest.charAt(end) != ' ' && rest.charAt(end) != '{') {
				end++;
			}
			return rest.substring(0, end);
		}

		Families keepOnly(String prefix) {
			families.keySet().removeIf(name -> !name.startsWith(prefix));
			return this;
		}

		void into(Families target) {
			families.forEach((name, lines) -> target.families.put(name, lines));
		}

		String render() {
			StringBuilder text = new StringBuilder();
			families.values().forEach(lines -> lines.forEach(line -> text.append(line).append('\n')));
			return text.toString();
		}

	}

}
