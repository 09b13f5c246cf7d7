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

	public String reveal() {
		return value;
	}

	@Override
	public String toString() {
		return "PhoneHomeKey[from " + source + ", value hidden]";
	}

}
