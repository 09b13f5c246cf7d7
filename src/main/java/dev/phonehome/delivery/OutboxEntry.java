package dev.phonehome.delivery;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;

import dev.phonehome.record.DeliveryStatus;
import dev.phonehome.record.NightRecord;

/**
 * One night in the outbox.
 *
 * @param executionId the execution that archived (or last re-ran) the night; its facts get the delivery
 * @param idempotencyKey the key of the set the night is (or was last) sent in
 * @param keyFixed the set may have reached the receiver unconfirmed: it is only ever re-sent as it was
 * @param deliveredBy the execution whose run got the confirming 200
 */
public record OutboxEntry(LocalDate night, long executionId, Path payloadPath, String payloadSha256, long payloadSize,
		String status, String idempotencyKey, boolean keyFixed, int attempts, Instant lastAttemptAt,
		Integer lastHttpStatus, String lastError, Instant deliveredAt, Long deliveredBy, boolean recorded) {

	public static final String PENDING = "PENDING";

	public static final String DELIVERED = "DELIVERED";

	public boolean delivered() {
		return DELIVERED.equals(status);
	}

	/** The night's delivery as its record keeps it. */
	public NightRecord.Delivery delivery() {
		return new NightRecord.Delivery(delivered() ? DeliveryStatus.DELIVERED : DeliveryStatus.PENDING,
				delivered() ? deliveredAt.toString() : null, lastHttpStatus, attempts, idempotencyKey,
				delivered() ? null : lastError, 0);
	}

}
