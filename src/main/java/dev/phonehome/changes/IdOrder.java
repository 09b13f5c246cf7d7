package dev.phonehome.changes;

import java.util.Map;

import dev.phonehome.payload.PayloadSection;

/**
 * The order of the payload's arrays: by id ({@code reviewId} for code reviews) as strings, in code-point order
 * (README, "Ids are compared as strings in code-point order"; PostgreSQL's {@code COLLATE "C"}). Java's
 * {@code String.compareTo} compares UTF-16 units, which differs only when a character above U+FFFF meets one
 * from U+E000 to U+FFFF; ids are ObjectIds (hex digits) in practice, where both orders agree.
 */
final class IdOrder {

	private IdOrder() {
	}

	static int compare(String a, String b) {
		int n = Math.min(a.length(), b.length());
		for (int i = 0; i < n; i++) {
			char x = a.charAt(i);
			char y = b.charAt(i);
			if (x != y) {
				// surrogates (D800-DFFF) encode code points above every BMP character: move them past E000-FFFF
				if (x >= 0xD800 && y >= 0xD800) {
					return fixUp(x) - fixUp(y);
				}
				return x - y;
			}
		}
		return a.length() - b.length();
	}

	private static int fixUp(char c) {
		return c >= 0xE000 ? c - 0x800 : c + 0x2000;
	}

	/** The item's id, which every item has (the payload contract requires it). */
	static String id(PayloadSection section, Map<String, Object> item, Object file) {
		String key = section == PayloadSection.CODE_REVIEWS ? "reviewId" : "id";
		if (item.get(key) instanceof String id) {
			return id;
		}
		throw new IllegalStateException("the payload " + file + " has an item of " + section.key()
				+ " without a string '" + key + "': " + item.keySet());
	}

}
