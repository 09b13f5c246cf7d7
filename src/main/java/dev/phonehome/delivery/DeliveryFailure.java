package dev.phonehome.delivery;

/**
 * A request that did not end in an HTTP 200.
 *
 * @see #retryable()
 * @see #inDoubt()
 */
class DeliveryFailure extends RuntimeException {

	private final Integer httpStatus;

	private final boolean retryable;

	private final boolean inDoubt;

	private DeliveryFailure(String message, Integer httpStatus, boolean retryable, boolean inDoubt, Throwable cause) {
		super(message, cause);
		this.httpStatus = httpStatus;
		this.retryable = retryable;
		this.inDoubt = inDoubt;
	}

	/** The receiver answered, and not with 200: it did not take the payloads. */
	static DeliveryFailure rejected(int httpStatus) {
		boolean transientStatus = httpStatus >= 500 || httpStatus == 408 || httpStatus == 429;
		String hint = httpStatus == 401 || httpStatus == 403 ? " (check universalSecrets.telemetry, the phone-home key)"
				: "";
		return new DeliveryFailure("HTTP " + httpStatus + hint, httpStatus, transientStatus, false, null);
	}

	/** Nothing reached the receiver (no connection). */
	static DeliveryFailure notConnected(Throwable cause) {
		return new DeliveryFailure("no connection: " + describe(cause), null, true, false, cause);
	}

	/** The request went out but no complete answer came back: the receiver may have taken it. */
	static DeliveryFailure noAnswer(Throwable cause) {
		return new DeliveryFailure("no complete answer: " + describe(cause), null, true, true, cause);
	}

	/**
	 * The request could not even be built (the JDK refused a header value). Not retried, and no cause kept: the
	 * JDK's message quotes the value, and the value is the phone-home key.
	 */
	static DeliveryFailure unsendable(String reason) {
		return new DeliveryFailure(reason, null, false, false, null);
	}

	static DeliveryFailure interrupted(InterruptedException cause) {
		return new DeliveryFailure("interrupted while sending", null, false, true, cause);
	}

	private static String describe(Throwable cause) {
		String message = cause.getMessage();
		return cause.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : " (" + message + ")");
	}

	Integer httpStatus() {
		return httpStatus;
	}

	/** Worth another attempt within this run: the cause may be gone in a moment (5xx, 408, 429, network). */
	boolean retryable() {
		return retryable;
	}

	/** The receiver may have accepted the payloads: they must be re-sent as the same set, under the same key. */
	boolean inDoubt() {
		return inDoubt;
	}

}
