package dev.phonehome.record;

/** The names of phonehome's jobs in the job repository, which the history reads back. */
public final class Jobs {

	/** One night's phone home: the night ({@code run.date}) is the job instance. */
	public static final String PHONE_HOME = "phoneHomeJob";

	/** A night's request body, written for an upload by hand. */
	public static final String EXPORT = "exportJob";

	private Jobs() {
	}

}
