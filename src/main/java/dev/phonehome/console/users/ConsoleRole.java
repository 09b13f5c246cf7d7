package dev.phonehome.console.users;

/** What a console user may do. An approver sees everything a viewer sees, and more. */
public enum ConsoleRole {

	/** Reads nights, trends and verify findings, and downloads the archived files. */
	VIEWER,
	/** A viewer who also approves or rejects held nights and reads the console's access log. */
	APPROVER;

	/** The Spring Security authority of the role: {@code ROLE_VIEWER}, {@code ROLE_APPROVER}. */
	public String authority() {
		return "ROLE_" + name();
	}

	public static ConsoleRole parse(String text) {
		for (ConsoleRole role : values()) {
			if (role.name().equalsIgnoreCase(text)) {
				return role;
			}
		}
		throw new IllegalArgumentException("unknown role '" + text + "': use viewer or approver");
	}

}
