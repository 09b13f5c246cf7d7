package dev.phonehome.console.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

import dev.phonehome.console.ConsoleOnly;

/** How the pages write times, counts and sizes ({@code ${@show.time(...)}} in the templates): UTC, always. */
@Component("show")
@ConsoleOnly
public class Show {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	public String time(Instant instant) {
		return instant == null ? "" : TIME.format(instant);
	}

	/** A recorded ISO-8601 instant, or the text as it was when it is not one. */
	public String time(String iso) {
		if (iso == null || iso.isEmpty()) {
			return "";
		}
		try {
			return time(Instant.parse(iso));
		}
		catch (RuntimeException ex) {
			return iso;
		}
	}

	public String count(Number value) {
		return value == null ? "" : String.format(Locale.ROOT, "%,d", value.longValue());
	}

	public String bytes(Number value) {
		if (value == null) {
			return "";
		}
		long bytes = value.longValue();
		if (bytes >= 1 << 20) {
			return String.format(Locale.ROOT, "%.1f MB (%,d bytes)", bytes / (double) (1 << 20), bytes);
		}
		return bytes >= 1 << 10 ? String.format(Locale.ROOT, "%.1f KB (%,d bytes)", bytes / (double) (1 << 10), bytes)
				: String.format(Locale.ROOT, "%d bytes", bytes);
	}

	/** Companies per plan: "BUSINESS 1, FREEPLAN 2". */
	public String plans(java.util.Map<String, Long> plans) {
		return plans.entrySet()
			.stream()
			.map(e -> e.getKey() + " " + e.getValue())
			.collect(java.util.stream.Collectors.joining(", "));
	}

	public String yesNo(Boolean value) {
		return value == null ? "not recorded" : (value ? "yes" : "no");
	}

	/** The CSS class of a status badge. */
	public String tone(String status) {
		if (status == null) {
			return "neutral";
		}
		return switch (status) {
			case "COMPLETED", "OK", "DELIVERED" -> "ok";
			case "FAILED", "CHANGED", "MISSING", "BROKEN_CHAIN", "UNEXPECTED", "ABANDONED" -> "bad";
			case "STARTED", "STARTING", "STOPPING", "STOPPED", "PENDING", "NOT_CONFIGURED" -> "warn";
			default -> "neutral";
		};
	}

}
