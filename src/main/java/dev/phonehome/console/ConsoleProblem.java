package dev.phonehome.console;

import org.springframework.http.HttpStatus;

/**
 * A request the console cannot answer as asked: an unknown night, execution or file (404), a malformed value
 * (400), or an archived file that no longer matches its record (409). Its message is shown on the error page, so
 * it names what was asked and what is wrong, and never a path outside the archive, an address or a secret.
 */
public class ConsoleProblem extends RuntimeException {

	private final HttpStatus status;

	public ConsoleProblem(HttpStatus status, String message) {
		super(message);
		this.status = status;
	}

	public HttpStatus status() {
		return status;
	}

	public static ConsoleProblem notFound(String message) {
		return new ConsoleProblem(HttpStatus.NOT_FOUND, message);
	}

	public static ConsoleProblem badRequest(String message) {
		return new ConsoleProblem(HttpStatus.BAD_REQUEST, message);
	}

	public static ConsoleProblem conflict(String message) {
		return new ConsoleProblem(HttpStatus.CONFLICT, message);
	}

}
