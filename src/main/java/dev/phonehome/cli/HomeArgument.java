package dev.phonehome.cli;

import java.nio.file.Path;

/**
 * Finds {@code --home DIR} (or {@code --home=DIR}) among the raw arguments before Spring starts, because the
 * embedded store lives in that directory. picocli declares and documents the same option on every command.
 */
public final class HomeArgument {

	public static final String PROPERTY = "phonehome.home";

	public static final String DEFAULT = "./var";

	private HomeArgument() {
	}

	/**
	 * {@code --log-format json|text}: logging starts before picocli parses anything, so it is applied here, as a
	 * system property the logging configuration reads.
	 */
	public static void applyLogFormat(String[] args) {
		for (int i = 0; i < args.length; i++) {
			String value = args[i].equals("--log-format") && i + 1 < args.length ? args[i + 1]
					: args[i].startsWith("--log-format=") ? args[i].substring("--log-format=".length()) : null;
			if (value != null) {
				System.setProperty("phonehome.log-format", value.equals("json") ? "json" : "text");
			}
		}
	}

	public static Path resolve(String[] args) {
		String home = System.getProperty(PROPERTY, DEFAULT);
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--home") && i + 1 < args.length) {
				home = args[i + 1];
			}
			else if (args[i].startsWith("--home=")) {
				home = args[i].substring("--home=".length());
			}
		}
		return Path.of(home).toAbsolutePath().normalize();
	}

}
