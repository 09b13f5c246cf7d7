package dev.phonehome.settings;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Any URL (a MongoDB connection string, the delivery URL) in a form fit for messages, logs, the record and the
 * audit: credentials and query values are masked. It works on the raw string, never on a parsed URI, because the
 * URLs that need it most are the ones a parser gets wrong: a password with an unencoded {@code ?}, {@code /} or
 * {@code @}, or an authority the JDK does not read as user info. When in doubt it masks more.
 * <ul>
 * <li>User info ends at the last {@code @}: for MongoDB the user name is kept ({@code user:****@}), for any other
 * scheme the whole user info is masked ({@code ****@}, it may be a token). Only when the text before the first
 * {@code ?} is plainly hosts and a path ({@code https://h:8443/x?next=a@b}) is that {@code @} read as part of the
 * query, whose values are masked anyway.</li>
 * <li>Query values are masked ({@code ?apikey=****}), except the MongoDB options that hold no secret
 * ({@code authSource}, {@code replicaSet}, {@code tls}, ...), which help to diagnose a connection.</li>
 * <li>A fragment is masked; control characters are replaced, so a URL cannot forge a log line.</li>
 * </ul>
 */
public final class SafeUrl {

	public static final String MASK = "****";

	private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.\\-]*)://");

	/** Hosts (with ports) and a path before the query: then an {@code @} after the {@code ?} is the query's. */
	private static final Pattern HOSTS_AND_PATH = Pattern
		.compile("^[^:/?#@]*(:\\d*)?(,[^:/?#@]*(:\\d*)?)*/[^?#@]*[?#]");

	/** MongoDB connection options whose values are settings, not secrets (lower case). */
	private static final Set<String> PLAIN_MONGODB_OPTIONS = Set.of("appname", "authmechanism", "authsource",
			"compressors", "connecttimeoutms", "directconnection", "heartbeatfrequencyms", "journal", "loadbalanced",
			"localthresholdms", "maxconnecting", "maxidletimems", "maxpoolsize", "maxstalenessseconds", "minpoolsize",
			"readconcernlevel", "readpreference", "readpreferencetags", "replicaset", "retryreads", "retrywrites",
			"serverselectiontimeoutms", "sockettimeoutms", "srvmaxhosts", "srvservicename", "ssl", "timeoutms",
			"tls", "tlsallowinvalidcertificates", "tlsallowinvalidhostnames", "tlscafile", "tlsinsecure",
			"uuidrepresentation", "w", "waitqueuetimeoutms", "wtimeoutms", "zlibcompressionlevel");

	private SafeUrl() {
	}

	public static String of(String url) {
		if (url == null) {
			return "(none)";
		}
		String rest = url.strip();
		StringBuilder safe = new StringBuilder();
		boolean mongo = false;
		Matcher scheme = SCHEME.matcher(rest);
		if (scheme.find()) {
			safe.append(scheme.group());
			mongo = scheme.group(1).toLowerCase(Locale.ROOT).startsWith("mongodb");
			rest = rest.substring(scheme.end());
		}
		int at = rest.lastIndexOf('@');
		if (at >= 0 && !HOSTS_AND_PATH.matcher(rest.substring(0, at)).lookingAt()) {
			safe.append(maskUserInfo(rest.substring(0, at), mongo)).append('@');
			rest = rest.substring(at + 1);
		}
		int hash = rest.indexOf('#');
		String fragment = hash < 0 ? null : rest.substring(hash + 1);
		rest = hash < 0 ? rest : rest.substring(0, hash);
		int query = rest.indexOf('?');
		if (query < 0) {
			safe.append(rest);
		}
		else {
			safe.append(rest, 0, query + 1).append(maskQuery(rest.substring(query + 1), mongo));
		}
		if (fragment != null) {
			safe.append('#').append(fragment.isEmpty() ? "" : MASK);
		}
		return safe.toString().replaceAll("\\p{Cntrl}", "\uFFFD");
	}

	/** Whether showing the URL would hide nothing: it carries no password, token or query secret. */
	public static boolean holdsNoSecret(String url) {
		return url != null && of(url).equals(url.strip());
	}

	private static String maskUserInfo(String userInfo, boolean mongo) {
		int colon = userInfo.indexOf(':');
		String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
		// a user name with a delimiter in it is where the parse went wrong: show none of it
		boolean plainUser = mongo && !user.isEmpty() && user.chars().noneMatch(c -> "/?#".indexOf(c) >= 0);
		if (!plainUser) {
			return MASK;
		}
		return colon < 0 ? user : user + ":" + MASK;
	}

	private static String maskQuery(String query, boolean mongo) {
		StringBuilder safe = new StringBuilder();
		Matcher parts = Pattern.compile("([^&;]*)([&;]?)").matcher(query);
		while (parts.find() && !(parts.group(1).isEmpty() && parts.group(2).isEmpty())) {
			String part = parts.group(1);
			int equals = part.indexOf('=');
			String name = equals < 0 ? part : part.substring(0, equals);
			boolean plain = mongo && PLAIN_MONGODB_OPTIONS.contains(name.toLowerCase(Locale.ROOT));
			if (plain || part.isEmpty()) {
				safe.append(part);
			}
			else if (equals < 0) {
				safe.append(MASK);
			}
			else {
				safe.append(name).append('=').append(equals == part.length() - 1 ? "" : MASK);
			}
			safe.append(parts.group(2));
		}
		return safe.toString();
	}

}
