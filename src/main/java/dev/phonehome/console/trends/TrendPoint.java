package dev.phonehome.console.trends;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The figures of one night over a period: its real run's (the one that was sent), never a dry run's or a rerun's.
 * A figure is {@code null} when the night does not have it (a skipped night has no payload; a payload that no
 * longer matches its record is not read).
 *
 * @param emailsNone users with no address on record (a free installation's {@code "email": null})
 * @param deliveryDelayHours from the end of the night's window to the confirming HTTP 200
 */
public record TrendPoint(LocalDate night, long executionId, Long users, Long activeUsers, Long emailsSent,
		Long emailsRedacted, Long emailsNone, Map<String, Long> plans, List<String> integrations, Long payloadSize,
		Double deliveryDelayHours, String note) {
}
