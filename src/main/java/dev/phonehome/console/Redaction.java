package dev.phonehome.console;

import java.util.regex.Pattern;

/**
 * The last guard before a page: the user information of any URL in a text ({@code scheme://user:secret@host}) is
 * masked. What the job records is already safe; this keeps a receiver's or a MongoDB URL's credentials off every
 * page even if a text from a library carries one.
 */
public final class Redaction {

	private static final Pattern USER_INFO = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)[^/\\s@]+@");

	private Redaction() {
	}

	public static String url(String text) {
		return text == null ? null : USER_INFO.matcher(text).replaceAll("$1****@");
	}

}
