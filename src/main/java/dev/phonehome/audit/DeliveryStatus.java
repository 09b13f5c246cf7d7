package dev.phonehome.audit;

import dev.phonehome.job.NightFacts;
import dev.phonehome.job.RunMode;

/** What the audit says about the delivery of the payload, as known when the audit is written. */
public final class DeliveryStatus {

	private DeliveryStatus() {
	}

	public static String describe(AuditInput input) {
		if (input.skipped()) {
			return "nothing to send (skipped)";
		}
		if (input.mode() == RunMode.DRY_RUN) {
			return "never sent (dry run)";
		}
		String status = input.fact(NightFacts.DELIVERY_STATUS);
		String attempts = input.fact(NightFacts.DELIVERY_ATTEMPTS);
		String tries = attempts.isEmpty() ? "" : ", " + attempts + (attempts.equals("1") ? " attempt" : " attempts");
		return switch (status) {
			case "" -> "not sent yet (pending delivery)";
			case "PENDING" -> "not sent yet (pending delivery" + tries + ")";
			case "DELIVERED" -> "delivered at " + input.fact(NightFacts.DELIVERY_TIME) + " (HTTP "
					+ input.fact(NightFacts.DELIVERY_HTTP_STATUS) + tries + ")";
			case "NOT_CONFIGURED" -> "not sent: no phone-home URL or key is configured";
			case "NOT_SENT_DRY_RUN" -> "never sent (dry run)";
			case "NOT_SENT_RERUN" -> "never sent (a rerun: the night goes out once, with its own run)";
			case "SKIPPED" -> "nothing to send (skipped)";
			default -> status + tries;
		};
	}

}
