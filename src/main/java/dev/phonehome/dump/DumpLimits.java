package dev.phonehome.dump;

/**
 * The documented caps on a dump (README, "Bad input"). A line beyond them is bad input, refused before it can
 * exhaust memory or the parser's stack.
 */
public final class DumpLimits {

	/**
	 * Longest line, in bytes: twice MongoDB's own 16 MiB document limit, leaving room for Extended JSON's wrappers
	 * ({@code {"$numberLong": "…"}}). A longer line is not a document the server could have stored.
	 */
	public static final int MAX_LINE_BYTES = 32 * 1024 * 1024;

	/**
	 * Deepest nesting of objects and arrays in one line. A CodeStream document nests at most about ten levels
	 * ({@code providerInfo.<team>.<provider>.multiple.<workspace>.…} plus Extended JSON's wrappers).
	 */
	public static final int MAX_DEPTH = 100;

	private DumpLimits() {
	}

}
