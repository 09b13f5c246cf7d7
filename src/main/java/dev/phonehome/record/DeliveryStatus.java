package dev.phonehome.record;

/** The state of a night's payload, as recorded in its execution's facts ({@code delivery.status}). */
public enum DeliveryStatus {

	/** An HTTP 200 confirmed it. */
	DELIVERED,
	/** Archived and queued; not confirmed yet (the next run sends it first). */
	PENDING,
	/** Archived and queued, but the services config gives no usable URL or key (or a refused plain-http URL). */
	NOT_CONFIGURED,
	/**
	 * The receiver refused the night on its own (HTTP 400, 413, 422, ...): kept archived and set aside so later
	 * nights are sent; sent again only once an operator re-queues it ({@code phonehome requeue}).
	 */
	REFUSED,
	/** A dry run: archived only, never queued, never sent. */
	NOT_SENT_DRY_RUN,
	/**
	 * A rerun of a completed night: archived and audited, never queued or sent, since the night was already
	 * queued (and maybe delivered) by its own run; a night goes out once. {@code export} can send it by hand.
	 */
	NOT_SENT_RERUN,
	/**
	 * Archived and audited, but its scope (emails, fields, integrations, version) differs from the last approved
	 * scope in a way the approval policy lists: not queued, not sent until someone approves it
	 * ({@code phonehome approve}).
	 */
	HELD,
	/** Held, then rejected by an approver: kept archived, never queued or sent. */
	REJECTED;

	/** Whether the night was never meant to be sent: a dry run, or a rerun of a night its own run queued. */
	public boolean neverSent() {
		return this == NOT_SENT_DRY_RUN || this == NOT_SENT_RERUN;
	}

	/** Whether a run leaving its night in this state owes a delivery. */
	public boolean owed() {
		return this == PENDING || this == NOT_CONFIGURED || this == REFUSED;
	}

}
