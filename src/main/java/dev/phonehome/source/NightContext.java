package dev.phonehome.source;

/**
 * The job parameter and execution-context keys that step-scoped readers bind to. The job sets them; the readers
 * of every source read them, so neither has to know the other.
 */
public final class NightContext {

	/** Identifying job parameter: the night, a {@code LocalDate}. */
	public static final String RUN_DATE = "run.date";

	/** Job execution-context key: {@code true} when the email rule lets users' addresses be sent. */
	public static final String EMAILS_INCLUDED = "night.emails.included";

	public static final String RUN_DATE_PARAMETER = "#{jobParameters['" + RUN_DATE + "']}";

	public static final String EMAILS_INCLUDED_VALUE = "#{jobExecutionContext['" + EMAILS_INCLUDED + "']}";

	private NightContext() {
	}

}
