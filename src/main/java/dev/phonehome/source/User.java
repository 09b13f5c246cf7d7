package dev.phonehome.source;

/**
 * A user as the payload sends it, with the night's activity counts. {@code email} is only ever read for a free or
 * trial installation; for a paid one the source does not select it and the payload has no {@code email} key.
 */
public record User(String id, String email, boolean isRegistered, boolean isDeactivated, boolean isAdmin,
		Long registeredAt, String joinMethod, Long lastLogin, String lastOrigin, String lastOriginDetail,
		long codemarks, long codemarksInReviews, long reviews, long replies) {

	@Override
	public String toString() {
		// never an address in a log line, whatever the plan
		return "User[id=" + id + "]";
	}

}
