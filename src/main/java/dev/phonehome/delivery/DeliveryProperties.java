package dev.phonehome.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How phonehome talks to the vendor's endpoint. The installation's URL and key come from its services config;
 * these are phonehome's own transport settings.
 *
 * @param connectTimeout how long to wait for the TCP (and TLS) connection
 * @param readTimeout how long to wait for the response once the request is sent
 * @param maxRetries retries after the first attempt of one request, within one run
 * @param initialDelay the first backoff delay
 * @param multiplier the backoff growth factor between retries
 * @param maxDelay the longest backoff delay
 * @param jitter random spread added to or taken from each delay (at most {@code initialDelay})
 * @param batchSize payloads per request at most
 */
@ConfigurationProperties("phonehome.delivery")
public record DeliveryProperties(@DefaultValue("10s") Duration connectTimeout, @DefaultValue("60s") Duration readTimeout,
		@DefaultValue("4") int maxRetries, @DefaultValue("1s") Duration initialDelay,
		@DefaultValue("2.0") double multiplier, @DefaultValue("1m") Duration maxDelay,
		@DefaultValue("500ms") Duration jitter, @DefaultValue("100") int batchSize) {

	public DeliveryProperties {
		if (batchSize < 1 || batchSize > 100) {
			throw new IllegalArgumentException("phonehome.delivery.batch-size must be 1..100, was " + batchSize);
		}
		if (maxRetries < 0) {
			throw new IllegalArgumentException("phonehome.delivery.max-retries must be >= 0, was " + maxRetries);
		}
		if (jitter.compareTo(initialDelay) > 0) {
			// Spring's exponential backoff rejects a jitter larger than its first delay
			jitter = initialDelay;
		}
	}

}
