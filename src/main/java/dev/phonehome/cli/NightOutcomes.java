package dev.phonehome.cli;

import java.io.PrintWriter;

import org.springframework.batch.core.BatchStatus;

import dev.phonehome.job.NightOutcome;

/** How a command reports a {@link NightOutcome}: the summary on stdout, the messages on stderr, an exit code. */
final class NightOutcomes {

	private NightOutcomes() {
	}

	static int report(NightOutcome outcome, PrintWriter out, PrintWriter err) {
		if (outcome.execution() != null && outcome.execution().getStatus() == BatchStatus.COMPLETED) {
			out.print(RunSummary.of(outcome.execution()).render());
			out.flush();
		}
		outcome.messages().forEach(err::println);
		err.flush();
		return exitCode(outcome.kind()).code();
	}

	static ExitCode exitCode(NightOutcome.Kind kind) {
		return switch (kind) {
			case COMPLETED -> ExitCode.OK;
			case DELIVERY_PENDING -> ExitCode.DELIVERY_PENDING;
			case SKIPPED -> ExitCode.SKIPPED;
			case HELD -> ExitCode.HELD;
			case FAILED -> ExitCode.JOB_FAILED;
			case BAD_DATA -> ExitCode.BAD_DATA;
			case CONFIGURATION -> ExitCode.CONFIG;
			case USAGE -> ExitCode.USAGE;
			case ALREADY_COMPLETED -> ExitCode.ALREADY_COMPLETED;
			case IN_USE -> ExitCode.ALREADY_RUNNING;
			case STALE_STORE -> ExitCode.STALE_STORE;
		};
	}

}
