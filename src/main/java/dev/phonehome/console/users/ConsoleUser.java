package dev.phonehome.console.users;

/**
 * One line of the console's users file.
 *
 * @param passwordHash Spring Security's encoded form ({@code {bcrypt}...}); {@code null} for a user who signs in only
 *        through OIDC
 */
public record ConsoleUser(String name, ConsoleRole role, String passwordHash) {

	public boolean hasPassword() {
		return passwordHash != null;
	}

}
