package dev.phonehome.payload;

import java.util.List;

/** The payload's fields before its four arrays, in contract order. */
public record PayloadHeader(long date, String installationId, String installationVersion,
		boolean outboundEmailEnabled, boolean slackInteractiveComponentsEnabled, List<String> integrations) {

	public PayloadHeader {
		integrations = List.copyOf(integrations);
	}

}
