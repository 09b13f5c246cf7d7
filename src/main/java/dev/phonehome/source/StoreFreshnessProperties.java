package dev.phonehome.source;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How old the store's data may be for a night (the live MongoDB source is never stale, so never checked).
 *
 * @param staleMargin how long after its import the store may still serve a night that ends later: 0 (the default)
 * means the data must have been imported after the night ended; a dry run of a night that has not ended needs
 * data imported after the night began
 */
@ConfigurationProperties("phonehome.source")
public record StoreFreshnessProperties(@DefaultValue("0s") Duration staleMargin) {

	public StoreFreshnessProperties {
		if (staleMargin.isNegative()) {
			throw new IllegalArgumentException("phonehome.source.stale-margin must not be negative, was " + staleMargin);
		}
	}

}
