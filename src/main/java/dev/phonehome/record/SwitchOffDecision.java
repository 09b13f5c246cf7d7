package dev.phonehome.record;

/**
 * The switch-off rule: {@code apiServer.disablePhoneHome} stops the phone home only for a paid installation; on
 * a free or trial installation it is ignored, and the audit says so.
 */
public enum SwitchOffDecision {

	NOT_SET("apiServer.disablePhoneHome is not set: the phone home runs"),
	HONOURED("apiServer.disablePhoneHome is set and the installation is paid: the night is skipped, nothing is collected or sent"),
	IGNORED("apiServer.disablePhoneHome is set but ignored: only paid installations (BUSINESS, ENTERPRISE) may switch the phone home off");

	private final String reason;

	SwitchOffDecision(String reason) {
		this.reason = reason;
	}

	public static SwitchOffDecision of(boolean disablePhoneHome, boolean paid) {
		if (!disablePhoneHome) {
			return NOT_SET;
		}
		return paid ? HONOURED : IGNORED;
	}

	/** How the audit words the decision. */
	public String outcome() {
		return switch (this) {
			case NOT_SET -> "the night ran";
			case HONOURED -> "honoured: the night was skipped";
			case IGNORED -> "ignored: the night ran";
		};
	}

	public boolean skipsTheNight() {
		return this == HONOURED;
	}

	public String reason() {
		return reason;
	}

}
