package dev.phonehome.dump;

/** Bad input in a dump: names the file, the line, the document's {@code _id} and field where known, and why. */
public class BadInputException extends RuntimeException {

	public BadInputException(String file, int line, String detail) {
		super(file + (line > 0 ? " line " + line : "") + ": " + detail);
	}

	public BadInputException(String file, int line, String detail, Throwable cause) {
		super(file + (line > 0 ? " line " + line : "") + ": " + detail, cause);
	}

}
