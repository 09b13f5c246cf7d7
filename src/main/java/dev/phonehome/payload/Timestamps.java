package dev.phonehome.payload;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/** The payload's timestamp fields (ms since the epoch) and how the audit shows them: ISO-8601 in UTC. */
public final class Timestamps {

	/** Fields sent as milliseconds since the epoch. */
	public static final Set<String> FIELDS = Set.of("date", "createdAt", "registeredAt", "lastLogin", "approvedAt");

	// Always with milliseconds, so every timestamp has the same width and none loses precision.
	private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX")
		.withZone(ZoneOffset.UTC);

	private Timestamps() {
	}

	/** {@code 1795132800000} -> {@code 2026-11-20T00:00:00.000Z}; {@code null} stays {@code null}. */
	public static String iso(Object millis) {
		if (millis == null) {
			return null;
		}
		return ISO.format(Instant.ofEpochMilli(((Number) millis).longValue()));
	}

	public static String iso(Instant instant) {
		return ISO.format(instant);
	}

}
