package dev.phonehome.cli;

/**
 * JVM settings of the {@code import} command that must be made before H2's classes load.
 */
public final class ImportArgument {

	static final String COMMAND = "import";

	/** H2's cache of values (a small table of recently made values, looked up by hashing each one). */
	static final String H2_OBJECT_CACHE = "h2.objectCache";

	private ImportArgument() {
	}

	/**
	 * Turns H2's value cache off for {@code import} (unless set explicitly): it hashes every string the import
	 * writes, reads back and sorts, for no gain on values that are nearly all distinct (ids). Measured at M
	 * (BENCHMARKS.md, 2026-12-03): 5% less CPU. Not for the other commands: the night was not measured without it.
	 */
	public static void apply(String[] args) {
		if (COMMAND.equals(ConsoleArgument.commandName(args)) && System.getProperty(H2_OBJECT_CACHE) == null) {
			System.setProperty(H2_OBJECT_CACHE, "false");
		}
	}

}
