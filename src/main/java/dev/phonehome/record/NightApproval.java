package dev.phonehome.record;

/**
 * What the scope gate (approval feature) made of a real night, kept beside its {@link NightRecord} in the same
 * execution context (through {@link NightRecords}): whether it passed, was held, approved or rejected, why it was
 * held, and who decided, when and why. Names only (never an address); the decision's payload SHA-256 is what the
 * approver approved.
 *
 * @param state {@code PASSED}, {@code HELD}, {@code APPROVED} or {@code REJECTED}
 * @param heldBecause the scope changes that held it, in words; empty when it passed
 * @param by the name the approver gave ({@code --by}, or the console user)
 * @param osUser the operating-system user who recorded the decision
 * @param samePerson whether the approver was allowed to be the OS user who ran the night
 * @param at ISO-8601 UTC instant of the decision
 */
public record NightApproval(String state, String heldBecause, String by, String osUser, boolean samePerson,
		String at, String reason, String payloadSha256) {

	public static NightApproval gated(String state, String heldBecause) {
		return new NightApproval(state, heldBecause, null, null, false, null, null, null);
	}

	public boolean decided() {
		return by != null;
	}

	/** One line for the history and the summary. */
	public String describe() {
		if (!decided()) {
			return "HELD".equals(state) ? "held: " + heldBecause : state.toLowerCase(java.util.Locale.ROOT);
		}
		return state.toLowerCase(java.util.Locale.ROOT) + " by " + by + " (OS user " + osUser
				+ (samePerson ? ", same person allowed" : "") + ") " + at + (reason.isEmpty() ? "" : ": " + reason);
	}

}
