package dev.phonehome.source.mongo;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A MongoDB connection string fit for messages, logs and the execution context: the password and any
 * {@code authMechanismProperties} (which may hold a session token) are masked. Works on strings that do not parse,
 * so even a malformed URI can be named in the error that reports it.
 */
final class SafeMongoUri {

	private static final Pattern SCHEME = Pattern.compile("^mongodb(?:\\+srv)?://", Pattern.CASE_INSENSITIVE);

	private static final Pattern MECHANISM_PROPERTIES = Pattern.compile("(authMechanismProperties=)[^&]*",
			Pattern.CASE_INSENSITIVE);

	private SafeMongoUri() {
	}

	static String of(String uri) {
		if (uri == null) {
			return "(no URI)";
		}
		String safe = uri.strip();
		Matcher scheme = SCHEME.matcher(safe);
		if (scheme.find()) {
			// the user info ends at the last '@' before the options: an unencoded '@' or '/' in a password stays masked
			String rest = safe.substring(scheme.end());
			int query = rest.indexOf('?');
			int at = (query < 0 ? rest : rest.substring(0, query)).lastIndexOf('@');
			if (at >= 0) {
				String userInfo = rest.substring(0, at);
				int colon = userInfo.indexOf(':');
				String masked = colon < 0 ? userInfo : userInfo.substring(0, colon) + ":****";
				safe = scheme.group() + masked + rest.substring(at);
			}
		}
		return MECHANISM_PROPERTIES.matcher(safe).replaceAll("$1****");
	}

}
