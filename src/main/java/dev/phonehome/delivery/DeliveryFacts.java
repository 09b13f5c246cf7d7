package dev.phonehome.delivery;

import java.util.Optional;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import dev.phonehome.job.NightFacts;

/** Writes and reads the delivery facts of an execution ({@link NightFacts}{@code .DELIVERY_*}). */
public final class DeliveryFacts {

	/** Why the night is not delivered yet (the last failure, or what the config lacks); no secret, no address. */
	public static final String DELIVERY_PROBLEM = "delivery.problem";

	/** Queued nights (this one included) this execution found pending and left pending. */
	public static final String BACKLOG_PENDING = "delivery.backlog.pending";

	private DeliveryFacts() {
	}

	static void putEntry(ExecutionContext facts, OutboxEntry entry) {
		facts.putString(NightFacts.DELIVERY_STATUS,
				entry.delivered() ? DeliveryStatus.DELIVERED.name() : DeliveryStatus.PENDING.name());
		facts.putInt(NightFacts.DELIVERY_ATTEMPTS, entry.attempts());
		if (entry.lastHttpStatus() != null) {
			facts.putInt(NightFacts.DELIVERY_HTTP_STATUS, entry.lastHttpStatus());
		}
		if (entry.idempotencyKey() != null) {
			facts.putString(NightFacts.DELIVERY_IDEMPOTENCY_KEY, entry.idempotencyKey());
		}
		if (entry.delivered()) {
			facts.putString(NightFacts.DELIVERY_TIME, entry.deliveredAt().toString());
			facts.remove(DELIVERY_PROBLEM);
		}
		else if (entry.lastError() != null) {
			facts.putString(DELIVERY_PROBLEM, entry.lastError());
		}
	}

	public static Optional<DeliveryStatus> status(ExecutionContext facts) {
		return Optional.ofNullable(facts.getString(NightFacts.DELIVERY_STATUS, null)).map(DeliveryStatus::valueOf);
	}

	/** Whether the run left its night (or an older one) undelivered. */
	public static boolean owed(ExecutionContext facts) {
		return status(facts).map(DeliveryStatus::owed).orElse(false)
				|| (facts.containsKey(BACKLOG_PENDING) && facts.getInt(BACKLOG_PENDING) > 0);
	}

	/** One line for the run summary and the history. */
	public static Optional<String> describe(ExecutionContext facts) {
		return status(facts).map(status -> switch (status) {
			case DELIVERED -> "delivered " + facts.getString(NightFacts.DELIVERY_TIME) + " (HTTP "
					+ facts.getInt(NightFacts.DELIVERY_HTTP_STATUS) + ", " + attempts(facts) + ")";
			case PENDING -> "PENDING: not confirmed after " + attempts(facts) + problem(facts)
					+ "; queued, the next run sends it first";
			case NOT_CONFIGURED -> "NOT_CONFIGURED" + problem(facts);
			case NOT_SENT_DRY_RUN -> "not sent (dry run)";
			case NOT_SENT_RERUN -> "not sent (a rerun: the night goes out once, with its own run)";
		}).map(line -> {
			int backlog = facts.containsKey(BACKLOG_PENDING) ? facts.getInt(BACKLOG_PENDING) : 0;
			boolean thisOnePending = status(facts).map(DeliveryStatus::owed).orElse(false);
			int older = backlog - (thisOnePending ? 1 : 0);
			return older > 0 ? line + "; " + older + " older night(s) still queued" : line;
		});
	}

	private static String attempts(ExecutionContext facts) {
		int attempts = facts.containsKey(NightFacts.DELIVERY_ATTEMPTS) ? facts.getInt(NightFacts.DELIVERY_ATTEMPTS) : 0;
		return attempts + (attempts == 1 ? " attempt" : " attempts");
	}

	private static String problem(ExecutionContext facts) {
		String problem = facts.getString(DELIVERY_PROBLEM, null);
		return problem == null ? "" : " (" + problem + ")";
	}

}
