package dev.phonehome.approval;

/**
 * An approval or rejection that cannot be recorded (the night is not held, was already decided, its archived
 * payload no longer matches its digest, the four-eyes rule): nothing was changed. The message says why, with no
 * address or secret in it.
 */
public class ApprovalRefusedException extends RuntimeException {

	private final boolean unknownNight;

	ApprovalRefusedException(String message, boolean unknownNight) {
		super(message);
		this.unknownNight = unknownNight;
	}

	/** Whether the refusal is that no such night was ever held (as opposed to one that cannot be decided now). */
	public boolean unknownNight() {
		return unknownNight;
	}

}
