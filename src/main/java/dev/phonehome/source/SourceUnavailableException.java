package dev.phonehome.source;

/**
 * The source cannot be read as configured: unreachable, refusing our credentials, timing out, or missing a
 * collection. The message names the source (never with a password) and what to check; the run ends with the
 * configuration exit code, since the fix is in the URI or the server, not in the data.
 */
public class SourceUnavailableException extends RuntimeException {

	public SourceUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
