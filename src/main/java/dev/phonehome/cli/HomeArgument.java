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
		String format = lastValue(args, "--log-format");
		if (format != null) {
			System.setProperty("phonehome.log-format", format.equals("json") ? "json" : "text");
		}
	}

	public static Path resolve(String[] args) {
		String home = lastValue(args, "--home");
		return Path.of(home != null ? home : System.getProperty(PROPERTY, DEFAULT)).toAbsolutePath().normalize();
	}

	/**
	 * The value of the last {@code NAME VALUE} or {@code NAME=VALUE} among the raw arguments, or {@code null}: how
	 * the options that must be known before Spring starts ({@code --home}, {@code --log-format}, {@code --source})
	 * are read. picocli declares and validates the same options afterwards.
	 */
	static String lastValue(String[] args, String name) {
		String value = null;
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals(name) && i + 1 < args.length) {
				value = args[i + 1];
			}
			else if (args[i].startsWith(name + "=")) {
				value = args[i].substring(name.length() + 1);
			}
		}
		return value;
	}

}
