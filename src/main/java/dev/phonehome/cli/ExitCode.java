package dev.phonehome.cli;

/** The process exit codes: a designed interface for cron and scripts, documented in the README and --help. */
public enum ExitCode {

	OK(0, "success"),
	INTERNAL_ERROR(1, "unexpected error (a bug: please report it with the log)"),
	USAGE(2, "usage error: unknown command or option, bad date"),
	CONFIG(3, "configuration error: the services config, a setting or a path cannot be used"),
	BAD_DATA(4, "bad input data: the dump (or source) breaks the contract; nothing was changed"),
	JOB_FAILED(5, "the job failed; run the same command again to resume where it stopped"),
	ALREADY_COMPLETED(6, "the night was already completed; nothing was run"),
	SKIPPED(7, "the night was skipped: a paid installation switched the phone home off"),
	ALREADY_RUNNING(8, "the night (or the store) is in use by another process; nothing was run"),
	DELIVERY_PENDING(9, "the night was archived but not delivered yet (endpoint failing or not configured); "
			+ "it is queued and the next run sends it first"),
	VERIFY_MISMATCH(10, "verify found a changed, missing or unexpected file, or a broken record chain; diff found "
			+ "an archived payload changed or missing"),
	STALE_STORE(11, "the store's data is older than the night (imported before it ended); import a fresh dump, or "
			+ "run with --allow-stale-store; nothing was run"),
	HELD(12, "the night was archived and audited but is held for approval (its scope changed); "
			+ "'phonehome approve' queues it"),
	APPROVAL_REFUSED(13, "approve/reject refused (the night is not held, already decided, its payload changed, or "
			+ "the four-eyes rule); nothing was changed");

	private final int code;

	private final String meaning;

	ExitCode(int code, String meaning) {
		this.code = code;
		this.meaning = meaning;
	}

	public int code() {
		return code;
	}

	public String meaning() {
		return meaning;
	}

	/** The table printed under every command's --help. */
	public static String table() {
		StringBuilder text = new StringBuilder();
		for (ExitCode exit : values()) {
			text.append(String.format("  %d  %s%n", exit.code, exit.meaning));
		}
		return text.toString();
	}

}
