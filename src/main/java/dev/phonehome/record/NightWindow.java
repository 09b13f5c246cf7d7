package dev.phonehome.record;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** A night: the UTC day {@code D} and its window {@code [D 00:00Z, D+1 00:00Z)} in epoch milliseconds. */
public record NightWindow(LocalDate night, long startMillis, long endMillis) {

	public static NightWindow of(LocalDate night) {
		return new NightWindow(night, startOf(night), startOf(night.plusDays(1)));
	}

	private static long startOf(LocalDate day) {
		return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
	}

	public boolean contains(long millis) {
		return startMillis <= millis && millis < endMillis;
	}

	public Instant start() {
		return Instant.ofEpochMilli(startMillis);
	}

	public Instant end() {
		return Instant.ofEpochMilli(endMillis);
	}

}
