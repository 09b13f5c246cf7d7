package dev.phonehome.job;

import java.util.List;

import org.springframework.batch.core.job.JobExecution;

import dev.phonehome.record.NightRecord;
import dev.phonehome.record.NightRecords;

/**
 * What asking for a night (or acting on one of its executions) came to. A command turns the kind into its exit
 * code and prints the messages; the record (when an execution ran) is what the summary is made of.
 *
 * @param execution the execution that ran or was acted on; {@code null} when nothing ran
 * @param messages what the operator needs to know, one sentence a line (warnings first); never a secret
 */
public record NightOutcome(Kind kind, JobExecution execution, List<String> messages) {

	public enum Kind {

		/** The night completed and its payload is delivered (or, for a dry run or rerun, was never to be sent). */
		COMPLETED,
		/** The night completed, archived and queued, but it (or an older night) is not delivered yet. */
		DELIVERY_PENDING,
		/** The night is archived and audited but held for approval: its scope changed (not queued, not sent). */
		HELD,
		/** A paid installation switched the phone home off: nothing was collected or sent. */
		SKIPPED,
		/** The job failed; running the same command again resumes where it stopped. */
		FAILED,
		/** The data (dump or source) breaks the contract. */
		BAD_DATA,
		/** The services config, a path, or the source cannot be used as configured. */
		CONFIGURATION,
		/** The request makes no sense as asked (nothing to rerun, no such execution). */
		USAGE,
		/** The night already completed; nothing ran. */
		ALREADY_COMPLETED,
		/** Another live process runs the night (or the execution); nothing ran. */
		IN_USE,
		/** The store's data is older than the night (and --allow-stale-store was not given); nothing ran. */
		STALE_STORE

	}

	public NightOutcome {
		messages = List.copyOf(messages);
	}

	static NightOutcome of(Kind kind, JobExecution execution, List<String> messages) {
		return new NightOutcome(kind, execution, messages);
	}

	static NightOutcome refused(Kind kind, List<String> warnings, String message) {
		List<String> lines = new java.util.ArrayList<>(warnings);
		lines.add(message);
		return new NightOutcome(kind, null, lines);
	}

	/** The record of the execution that ran. */
	public NightRecord record() {
		return NightRecords.read(execution);
	}

}
