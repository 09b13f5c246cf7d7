package dev.phonehome.changes;

/**
 * A user whose address tonight's payload sends and the baseline night's payload did not. It holds the address:
 * it is streamed to a {@link ChangeListener} (the audit lists it), never recorded.
 */
public record FirstTimeEmail(String userId, String address, Reason reason) {

	@Override
	public String toString() {
		// never the address in a log line or an exception
		return "FirstTimeEmail[userId=" + userId + ", reason=" + reason + "]";
	}

	/** Why the baseline did not send this address. */
	public enum Reason {

		/** The user is not in the baseline. */
		NEW_USER("new user"),
		/** The baseline sent the user with no address on record ({@code "email": null}). */
		ADDRESS_ADDED("address added"),
		/** The baseline sent another address. */
		ADDRESS_CHANGED("address changed"),
		/** The baseline was a paid night, whose payload sends no address at all. */
		EMAILS_NOW_INCLUDED("emails included again");

		private final String words;

		Reason(String words) {
			this.words = words;
		}

		public String words() {
			return words;
		}

	}

}
