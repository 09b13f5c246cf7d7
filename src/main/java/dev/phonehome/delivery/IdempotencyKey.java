package dev.phonehome.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The {@code Idempotency-Key} of a request: the SHA-256 of its payloads' SHA-256s in the order sent (oldest night
 * first), so the same set always carries the same key and a receiver can drop a repeat.
 */
final class IdempotencyKey {

	private IdempotencyKey() {
	}

	static String of(List<OutboxEntry> set) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (OutboxEntry entry : set) {
				digest.update(entry.payloadSha256().getBytes(StandardCharsets.US_ASCII));
				digest.update((byte) '\n');
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every Java runtime", ex);
		}
	}

}
