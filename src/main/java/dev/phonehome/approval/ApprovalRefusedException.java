package dev.phonehome.approval;

/**
 * An approval or rejection that cannot be recorded (the night is not held, was already decided, its archived
 * payload no longer matches its digest, the four-eyes rule): nothing was changed. The message says why, with no
 * address or secret in it.
 */
public class ApprovalRefusedException extends RuntimeException {

	private final boolean unknownNight;

	private final String ranBy;

	ApprovalRefusedException(String message, boolean unknownNight) {
		this(message, unknownNight, null);
	}

	private ApprovalRefusedException(String message, boolean unknownNight, String ranBy) {
		super(message);
		this.unknownNight = unknownNight;
		this.ranBy = ranBy;
	}

	/** The four-eyes rule: the approver is the OS user {@code ranBy} who ran the night. */
	static ApprovalRefusedException samePerson(String message, String ranBy) {
		return new ApprovalRefusedException(message, false, ranBy);
	}

	/** The OS user who ran the night when the refusal is the four-eyes rule's, else empty. */
	public java.util.Optional<String> samePersonAs() {
		return java.util.Optional.ofNullable(ranBy);
	}

	/** Whether the refusal is that no such night was ever held (as opposed to one that cannot be decided now). */
	public boolean unknownNight() {
		return unknownNight;
	}

}
