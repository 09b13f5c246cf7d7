package dev.phonehome.dump;

import java.util.regex.Pattern;

/**
 * Bad input in a dump: names the file, the line, the document's {@code _id} and field where known, and why. Never
 * the line's text: a dump holds addresses.
 */
public class BadInputException extends RuntimeException {

	/** What an {@code _id} looks like when it is safe to print: an ObjectId's hex, or a plain name. */
	private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

	public BadInputException(String file, int line, String detail) {
		super(file + (line > 0 ? " line " + line : "") + ": " + detail);
	}

	public BadInputException(String file, int line, String detail, Throwable cause) {
		super(file + (line > 0 ? " line " + line : "") + ": " + detail, cause);
	}

	/** The {@code _id} as printed in a message: itself when it is a plain id, else a placeholder (it could be an address). */
	static String shownId(String id) {
		return PLAIN_ID.matcher(id).matches() ? id : "(not shown: not a plain id)";
	}

}
