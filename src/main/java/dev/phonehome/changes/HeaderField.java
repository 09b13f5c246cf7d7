package dev.phonehome.changes;

import java.util.Objects;

/** One of the payload's header fields on both nights, as text (e.g. {@code installationVersion} 8.2.26 → 8.2.27). */
public record HeaderField(String field, String before, String after) {

	public boolean changed() {
		return !Objects.equals(before, after);
	}

}
