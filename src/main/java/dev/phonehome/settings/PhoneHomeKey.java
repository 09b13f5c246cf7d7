package dev.phonehome.settings;

import java.util.Objects;

/**
 * The phone-home key ({@code X-CS-Phone-Home-Key}). Kept out of every log, message and record: its
 * {@code toString} never shows it, and only the transmission reads {@link #reveal()}.
 *
 * @param source the config key it was read from, safe to show
 */
public record PhoneHomeKey(String source, String value) {

	public PhoneHomeKey {
		Objects.requireNonNull(value);
	}

	/**
	 * The key as read from {@code source}: trimmed, and refused unless it is visible ASCII, the only characters an
	 * HTTP header can carry. Checked when the key is read, because the HTTP client's own refusal quotes the header
	 * value, and that message would reach the log and the record. {@code null} when nothing is left after trimming.
	 *
	 * @param where the file (or document) it came from, for the message
	 * @throws ConfigException naming where and which key, and what kind of character is wrong; never the key, nor
	 * the character, nor its position
	 */
	public static PhoneHomeKey read(String where, String source, String raw) {
		String value = raw == null ? "" : raw.trim();
		if (value.isEmpty()) {
			return null;
		}
		String problem = value.chars().mapToObj(PhoneHomeKey::problem).filter(Objects::nonNull).findFirst().orElse(null);
		if (problem != null) {
			throw new ConfigException(where + ": " + source + " (the phone-home key) contains " + problem
					+ ". A key is visible ASCII only (letters, digits and punctuation, no space inside); it cannot be "
					+ "sent in an HTTP header otherwise. Retype it (a pasted key often brings an invisible character "
					+ "along), then run again.");
		}
		return new PhoneHomeKey(source, value);
	}

	private static String problem(int c) {
		if (c > 0x7E) {
			return "a character outside ASCII (such as a zero-width or non-breaking space, or a typographic quote)";
		}
		if (c == ' ') {
			return "a space";
		}
		if (c < 0x20 || c == 0x7F) {
			return "a control character (such as a line break or a tab)";
		}
		return null;
	}

	public String reveal() {
		return value;
	}

	@Override
	public String toString() {
		return "PhoneHomeKey[from " + source + ", value hidden]";
	}

}
