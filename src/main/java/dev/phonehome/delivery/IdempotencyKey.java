package dev.phonehome.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import dev.phonehome.artefact.Sha256;

/**
 * The {@code Idempotency-Key} of a request: the SHA-256 of its payloads' SHA-256s in the order sent (oldest night
 * first), so the same set always carries the same key and a receiver can drop a repeat.
 */
final class IdempotencyKey {

	private IdempotencyKey() {
	}

	static String of(List<OutboxEntry> set) {
		MessageDigest digest = Sha256.newDigest();
		for (OutboxEntry entry : set) {
			digest.update(entry.payloadSha256().getBytes(StandardCharsets.US_ASCII));
			digest.update((byte) '\n');
		}
		return Sha256.hex(digest);
	}

}
