package dev.phonehome.payload;

import java.util.Map;

/** Whether a user's address left the installation, read from the payload item itself. */
public enum EmailStatus {

	/** The item carries the address. */
	SENT,
	/** The item has no {@code email} key: a paid installation's payload never carries addresses. */
	REDACTED_PAID_PLAN,
	/** The item has {@code "email": null}: the user has no address on record (free or trial installation). */
	NO_EMAIL_ON_RECORD;

	public static EmailStatus of(Map<String, Object> user) {
		if (!user.containsKey("email")) {
			return REDACTED_PAID_PLAN;
		}
		return user.get("email") == null ? NO_EMAIL_ON_RECORD : SENT;
	}

}
