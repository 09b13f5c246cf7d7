package dev.phonehome.console;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Values read from a URL, checked before use: a malformed one is a 400 that names the parameter and what it
 * should look like, never a stack trace.
 */
public final class QueryValues {

	private static final int MAX_PAGE = 1_000_000;

	private QueryValues() {
	}

	/** An optional {@code YYYY-MM-DD}; empty or absent reads as {@code null}. */
	public static LocalDate date(String parameter, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw ConsoleProblem.badRequest(
					"'" + shown(value) + "' is not a date for " + parameter + ": use YYYY-MM-DD, e.g. 2026-11-20");
		}
	}

	/** A night in a URL path: required. */
	public static LocalDate night(String value) {
		LocalDate night = date("the night", value);
		if (night == null) {
			throw ConsoleProblem.badRequest("a night is needed, as YYYY-MM-DD");
		}
		return night;
	}

	/** An execution id in a URL path. */
	public static long execution(String value) {
		try {
			long id = Long.parseLong(value);
			if (id > 0) {
				return id;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw ConsoleProblem.badRequest("'" + shown(value) + "' is not an execution id (a positive number; see Nights)");
	}

	/** A page number from 0; absent is the first page. */
	public static int page(String value) {
		if (value == null || value.isBlank()) {
			return 0;
		}
		try {
			int page = Integer.parseInt(value.strip());
			if (page >= 0 && page <= MAX_PAGE) {
				return page;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw ConsoleProblem.badRequest("'" + shown(value) + "' is not a page number (0, 1, 2, ...)");
	}

	/** Both ends given in the wrong order is a mistake worth saying. */
	public static void range(LocalDate from, LocalDate to) {
		if (from != null && to != null && from.isAfter(to)) {
			throw ConsoleProblem.badRequest("the period starts (" + from + ") after it ends (" + to + ")");
		}
	}

	/** A value echoed on an error page: short, one line. */
	public static String shown(String value) {
		String line = value.replaceAll("\\p{Cntrl}", "?");
		return line.length() > 60 ? line.substring(0, 60) + "..." : line;
	}

}
