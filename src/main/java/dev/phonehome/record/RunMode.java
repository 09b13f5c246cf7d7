package dev.phonehome.record;

/** How a night's execution was asked for; shown in the summary, the history and the audit. */
public enum RunMode {

	/** Started without a date, by the nightly schedule: covers yesterday (UTC). */
	NIGHTLY("nightly"),
	/** Started by hand for a named date. */
	MANUAL("manual"),
	/** Computed and archived only: not that night's run, never blocks it, never sent. */
	DRY_RUN("dry run"),
	/** A completed night run again on purpose ({@code --rerun}): a new, recorded execution, archived and audited. */
	RERUN("rerun");

	private final String label;

	RunMode(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
