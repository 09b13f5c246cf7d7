package dev.phonehome.verify;

import java.time.Instant;

/**
 * One entry of the record chain: an event of a subject's record, in the order appended.
 *
 * @param subject what the entry is about: {@code execution:<id>} (or another feature's subject)
 * @param event what happened: {@code ENDED}, {@code RECOVERED}, {@code ABANDONED}, ...
 * @param text the canonical text of the subject's record at that moment (no address, no secret)
 * @param digest the digest of {@code text} and {@code previousDigest}, by {@code scheme}
 * @param scheme {@code sha256}, or {@code hmac-sha256} when a chain key is configured
 */
public record ChainEntry(long seq, String subject, String event, String text, String previousDigest, String digest,
		String scheme, Instant appendedAt) {

	public static final String EXECUTION = "execution:";

	static String executionSubject(long executionId) {
		return EXECUTION + executionId;
	}

}
