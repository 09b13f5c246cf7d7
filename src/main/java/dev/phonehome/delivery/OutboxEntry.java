package dev.phonehome.delivery;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;

import dev.phonehome.artefact.Artefact;
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

	/** The receiver refused the night on its own; kept archived, not sent again until re-queued. */
	public static final String REFUSED = "REFUSED";

	public boolean delivered() {
		return DELIVERED.equals(status);
	}

	/** The night's delivery as its record keeps it. */
	/** The archived payload as recorded when the night was queued. */
	public Artefact payload() {
		return new Artefact(payloadPath, payloadSize, payloadSha256);
	}

	/** The same entry, its payload read from where this node keeps it. */
	OutboxEntry at(Path local) {
		return new OutboxEntry(night, executionId, local, payloadSha256, payloadSize, status, idempotencyKey,
				keyFixed, attempts, lastAttemptAt, lastHttpStatus, lastError, deliveredAt, deliveredBy, recorded);
	}

	/** The same entry, before it was ever put in a set. */
	OutboxEntry withoutKey() {
		return new OutboxEntry(night, executionId, payloadPath, payloadSha256, payloadSize, status, null, false,
				attempts, lastAttemptAt, lastHttpStatus, lastError, deliveredAt, deliveredBy, recorded);
	}

	public NightRecord.Delivery delivery() {
		DeliveryStatus state = delivered() ? DeliveryStatus.DELIVERED
				: REFUSED.equals(status) ? DeliveryStatus.REFUSED : DeliveryStatus.PENDING;
		return new NightRecord.Delivery(state,
				delivered() ? deliveredAt.toString() : null, lastHttpStatus, attempts, idempotencyKey,
				delivered() ? null : lastError, 0);
	}

}
