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

	private final boolean refused;

	private DeliveryFailure(String message, Integer httpStatus, boolean retryable, boolean inDoubt, boolean refused,
			Throwable cause) {
		super(message, cause);
		this.httpStatus = httpStatus;
		this.retryable = retryable;
		this.inDoubt = inDoubt;
		this.refused = refused;
	}

	/**
	 * The receiver (or something in between) answered, and not with 200. Only an answer that says the receiver
	 * looked at these payloads and will not take them (400, 413, 422, ...) proves they were not taken; any other
	 * (a proxy's 502 or 504 after the origin accepted, a 202, a 409) leaves the set in doubt, so it is only ever
	 * re-sent as it was, under the same key. 401, 403 and 404 say the key or the URL is wrong for every night.
	 */
	static DeliveryFailure answered(int httpStatus) {
		boolean transientStatus = httpStatus >= 500 || httpStatus == 408 || httpStatus == 429 || httpStatus == 202;
		boolean configuration = httpStatus == 401 || httpStatus == 403 || httpStatus == 404 || httpStatus == 405;
		boolean refused = httpStatus >= 400 && httpStatus < 500 && !configuration && httpStatus != 408
				&& httpStatus != 409 && httpStatus != 429;
		String hint = httpStatus == 401 || httpStatus == 403 ? " (check universalSecrets.telemetry, the phone-home key)"
				: httpStatus == 404 || httpStatus == 405 ? " (check apiServer.phoneHomeUrl)"
						: refused ? " (the receiver refused these payloads)" : "";
		return new DeliveryFailure("HTTP " + httpStatus + hint, httpStatus, transientStatus,
				!configuration && !refused, refused, null);
	}

	/** Nothing reached the receiver (no connection). */
	static DeliveryFailure notConnected(Throwable cause) {
		return new DeliveryFailure("no connection: " + describe(cause), null, true, false, false, cause);
	}

	/** The request went out but no complete answer came back: the receiver may have taken it. */
	static DeliveryFailure noAnswer(Throwable cause) {
		return new DeliveryFailure("no complete answer: " + describe(cause), null, true, true, false, cause);
	}

	/**
	 * The request could not even be built (the JDK refused a header value). Not retried, and no cause kept: the
	 * JDK's message quotes the value, and the value is the phone-home key.
	 */
	static DeliveryFailure unsendable(String reason) {
		return new DeliveryFailure(reason, null, false, false, false, null);
	}

	static DeliveryFailure interrupted(InterruptedException cause) {
		return new DeliveryFailure("interrupted while sending", null, false, true, false, cause);
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

	/** The receiver looked at these payloads and will not take them: sending them again as they are is useless. */
	boolean refused() {
		return refused;
	}

}
