package dev.phonehome.cli;

import java.util.Set;

/**
 * Finds, before Spring starts, whether the command line asks for {@code console}: only that command serves web
 * pages; every other command stays a plain process that opens no port ({@code spring.main.web-application-type=none}
 * in application.properties). For the console, {@code --port} and {@code --bind} become Boot's
 * {@code server.port} and {@code server.address}. {@link ConsoleCommand} declares and documents the same options.
 */
public final class ConsoleArgument {

	static final String COMMAND = "console";

	/** The options taken before the command name whose value is the next argument. */
	private static final Set<String> GLOBAL_OPTIONS_WITH_VALUE = Set.of("--home", "--log-format");

	private ConsoleArgument() {
	}

	/**
	 * What the console's starters configure even in a process that serves no page (Thymeleaf's engine, Spring
	 * Security's event publisher, the OAuth2 client's properties, HTTP message converters): left out of the other
	 * commands, whose start-up they would only slow down.
	 */
	static final String CONSOLE_ONLY_AUTO_CONFIGURATIONS = String.join(",",
			"org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration",
			"org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
			"org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration");

	public static void apply(String[] args) {
		if (!COMMAND.equals(commandName(args))) {
			if (System.getProperty("spring.autoconfigure.exclude") == null) {
				System.setProperty("spring.autoconfigure.exclude", CONSOLE_ONLY_AUTO_CONFIGURATIONS);
			}
			return;
		}
		String port = HomeArgument.lastValue(args, "--port");
		String bind = HomeArgument.lastValue(args, "--bind");
		// A port that is no number is left to picocli, which refuses it as a usage error (exit 2) before any server starts.
		if (port != null && !port.matches("\\d{1,5}")) {
			return;
		}
		System.setProperty("spring.main.web-application-type", "servlet");
		if (port != null) {
			System.setProperty("server.port", port);
		}
		if (bind != null) {
			System.setProperty("server.address", bind);
		}
	}

	/** The first argument that is neither an option nor an option's value: the command's name. */
	static String commandName(String[] args) {
		for (int i = 0; i < args.length; i++) {
			if (GLOBAL_OPTIONS_WITH_VALUE.contains(args[i])) {
				i++;
			}
			else if (!args[i].startsWith("-")) {
				return args[i];
			}
		}
		return null;
	}

}
