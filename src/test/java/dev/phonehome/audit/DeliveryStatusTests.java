package dev.phonehome.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import dev.phonehome.job.NightFacts;
import dev.phonehome.job.RunMode;

class DeliveryStatusTests {

	@Test
	void deliveryStatusShouldBePendingWhenNothingWasRecordedYet() {
		assertThat(DeliveryStatus.describe(input(RunMode.NIGHTLY, new ExecutionContext())))
			.isEqualTo("not sent yet (pending delivery)");
	}

	@Test
	void deliveryStatusShouldSayNeverSentWhenDryRun() {
		assertThat(DeliveryStatus.describe(input(RunMode.DRY_RUN, new ExecutionContext())))
			.isEqualTo("never sent (dry run)");
	}

	@Test
	void deliveryStatusShouldSayNothingToSendWhenSkipped() {
		assertThat(DeliveryStatus.describe(AuditFixtures.skipped())).isEqualTo("nothing to send (skipped)");
	}

	@Test
	void deliveryStatusShouldNameTimeAndHttpStatusWhenDelivered() {
		// given
		ExecutionContext delivery = new ExecutionContext();
		delivery.putString(NightFacts.DELIVERY_STATUS, "DELIVERED");
		delivery.putString(NightFacts.DELIVERY_TIME, "2026-11-21T00:05:00Z");
		delivery.putInt(NightFacts.DELIVERY_HTTP_STATUS, 200);
		delivery.putInt(NightFacts.DELIVERY_ATTEMPTS, 2);

		// then
		assertThat(DeliveryStatus.describe(input(RunMode.NIGHTLY, delivery)))
			.isEqualTo("delivered at 2026-11-21T00:05:00Z (HTTP 200, 2 attempts)");
	}

	private static AuditInput input(RunMode mode, ExecutionContext delivery) {
		ExecutionContext facts = AuditFixtures.decidedFacts(false, mode);
		delivery.entrySet().forEach(e -> facts.put(e.getKey(), e.getValue()));
		return new AuditInput(AuditFixtures.FREE_PAYLOAD, facts, 1, mode, false);
	}

}
