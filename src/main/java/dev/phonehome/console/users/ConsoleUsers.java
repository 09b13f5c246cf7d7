package dev.phonehome.console.users;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import dev.phonehome.home.PhoneHomeProperties;
import dev.phonehome.artefact.ArtefactWriter;

/**
 * The console's users and their roles: {@code HOME/console/users}, one {@code name:role:hash} line per user,
 * managed by {@code phonehome console-user} and read by the console at every sign-in (a user added or removed
 * counts at once, without a restart). Passwords are stored only as Spring Security's encoded hash (bcrypt); a user
 * who signs in through OIDC has {@code -} instead. The file is written atomically, readable by its owner only.
 */
@Component
public class ConsoleUsers {

	/** Names as they appear in the access log: no separator, no space, nothing to escape. */
	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

	/** bcrypt reads at most 72 bytes; a longer password would be silently cut. */
	private static final int MAX_PASSWORD_BYTES = 72;

	public static final int MIN_PASSWORD_LENGTH = 12;

	private static final String NO_PASSWORD = "-";

	private final Path file;

	private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	public ConsoleUsers(PhoneHomeProperties properties) {
		this.file = properties.home().resolve("console").resolve("users");
	}

	public Path file() {
		return file;
	}

	public List<ConsoleUser> list() {
		if (!Files.isRegularFile(file)) {
			return List.of();
		}
		List<String> lines;
		try {
			lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the console's users file " + file + ": " + ex.getMessage(), ex);
		}
		List<ConsoleUser> users = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			users.add(parse(line, i + 1));
		}
		return users;
	}

	public Optional<ConsoleUser> find(String name) {
		return list().stream().filter(u -> u.name().equals(name)).findFirst();
	}

	/**
	 * Adds a user; {@code password} {@code null} makes an OIDC-only user. The password's characters are hashed,
	 * never stored.
	 */
	public ConsoleUser add(String name, ConsoleRole role, char[] password) {
		if (!NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("'" + name + "' is not a valid user name: 1 to 64 letters, digits, "
					+ "'.', '_', '@' or '-', starting with a letter or digit");
		}
		List<ConsoleUser> users = new ArrayList<>(list());
		if (users.stream().anyMatch(u -> u.name().equals(name))) {
			throw new IllegalArgumentException("user '" + name + "' exists already in " + file
					+ "; remove it first to change its role or password");
		}
		ConsoleUser user = new ConsoleUser(name, role, password == null ? null : encoder.encode(checked(password)));
		users.add(user);
		write(users);
		return user;
	}

	/** {@code false} when there was no such user. */
	public boolean remove(String name) {
		List<ConsoleUser> users = new ArrayList<>(list());
		boolean removed = users.removeIf(u -> u.name().equals(name));
		if (removed) {
			write(users);
		}
		return removed;
	}

	/** Whether {@code password} is the user's; an OIDC-only user has none to match. */
	public boolean matches(ConsoleUser user, String password) {
		return user.hasPassword() && encoder.matches(password, user.passwordHash());
	}

	private static String checked(char[] password) {
		String text = new String(password);
		if (text.length() < MIN_PASSWORD_LENGTH) {
			throw new IllegalArgumentException(
					"the password is too short: at least " + MIN_PASSWORD_LENGTH + " characters");
		}
		if (text.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
			throw new IllegalArgumentException(
					"the password is too long: bcrypt reads at most " + MAX_PASSWORD_BYTES + " bytes");
		}
		return text;
	}

	private ConsoleUser parse(String line, int number) {
		String[] parts = line.split(":", 3);
		String where = file + " line " + number;
		if (parts.length != 3 || !NAME.matcher(parts[0]).matches()) {
			throw new IllegalStateException(where + ": expected name:role:hash");
		}
		ConsoleRole role;
		try {
			role = ConsoleRole.parse(parts[1]);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(where + ": " + ex.getMessage(), ex);
		}
		String hash = parts[2];
		if (!hash.equals(NO_PASSWORD) && !hash.startsWith("{")) {
			// a clear-text password would start without the encoder's {id}: refuse it rather than accept it
			throw new IllegalStateException(where + ": the password is not an encoded hash (use phonehome console-user add)");
		}
		return new ConsoleUser(parts[0], role, hash.equals(NO_PASSWORD) ? null : hash);
	}

	/**
	 * Atomically (a crash leaves the old file or the new one, never half), in a folder only the owner can enter,
	 * then readable by the owner only.
	 */
	private void write(List<ConsoleUser> users) {
		StringBuilder text = new StringBuilder("# phonehome console users (phonehome console-user): name:role:hash\n");
		for (ConsoleUser user : users) {
			text.append(user.name())
				.append(':')
				.append(user.role().name().toLowerCase(Locale.ROOT))
				.append(':')
				.append(user.hasPassword() ? user.passwordHash() : NO_PASSWORD)
				.append('\n');
		}
		try {
			Path folder = file.toAbsolutePath().getParent();
			Files.createDirectories(folder);
			Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
			ArtefactWriter.write(file, out -> out.write(text.toString().getBytes(StandardCharsets.UTF_8)));
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the console's users file " + file + ": " + ex.getMessage(), ex);
		}
	}

}
