package dev.phonehome.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

import dev.phonehome.history.NightHistory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code restart} and {@code abandon}: an admin's handles on one execution that failed or got stuck. */
final class ExecutionCommands {

	private ExecutionCommands() {
	}

	/**
	 * What both commands share: find the execution, refuse what cannot be acted on, and with {@code --force} first
	 * mark failed an execution left running by a process that died.
	 */
	abstract static class ExecutionCommand implements Callable<Integer> {

		@Spec
		CommandSpec spec;

		@Mixin
		HomeOption home;

		@Parameters(paramLabel = "EXECUTION_ID", description = "the execution (see 'history')")
		long executionId;

		@Option(names = "--force", description = "the execution is marked running but its process is gone "
				+ "(killed, host rebooted): mark it failed first")
		boolean force;

		final JobOperator jobOperator;

		private final NightHistory history;

		ExecutionCommand(JobOperator jobOperator, NightHistory history) {
			this.jobOperator = jobOperator;
			this.history = history;
		}

		@Override
		public Integer call() throws Exception {
			PrintWriter err = spec.commandLine().getErr();
			JobExecution execution = history.execution(executionId).orElse(null);
			Integer refused = refuseUnlessRecoverable(execution, err);
			if (refused != null) {
				return refused;
			}
			if (execution.getStatus().isRunning()) {
				execution = jobOperator.recover(execution);
			}
			return act(execution, spec.commandLine().getOut(), err);
		}

		abstract String verb();

		abstract int act(JobExecution execution, PrintWriter out, PrintWriter err) throws Exception;

		/** A missing, completed or (without --force) running execution is refused with what to do instead. */
		private Integer refuseUnlessRecoverable(JobExecution execution, PrintWriter err) {
			if (execution == null) {
				err.println("phonehome: there is no execution " + executionId + " of the phone-home job; see 'history'");
				return ExitCode.USAGE.code();
			}
			BatchStatus status = execution.getStatus();
			if (status == BatchStatus.COMPLETED || status == BatchStatus.ABANDONED) {
				err.println("phonehome: execution " + executionId + " is " + status + "; nothing to " + verb()
						+ (status == BatchStatus.COMPLETED
								? " (to run its night again on purpose: run --date NIGHT --rerun)" : ""));
				return ExitCode.ALREADY_COMPLETED.code();
			}
			if (status.isRunning() && !force) {
				err.println("phonehome: execution " + executionId + " is marked " + status
						+ ". If no phonehome process is running it (check 'ps' here and on other nodes), " + verb()
						+ " it with --force.");
				return ExitCode.ALREADY_RUNNING.code();
			}
			return null;
		}

	}

	@Component
	@Scope("prototype")
	@Command(name = "restart", mixinStandardHelpOptions = true,
			header = "Restarts a failed or stuck execution where it stopped.",
			description = { "Restarts a failed (or, with --force, a stuck) execution of a night where it stopped.",
					"Same as 'run --date NIGHT' for a failed night; the execution id is in 'history'." },
			footerHeading = "%nExit codes:%n", footer = "${sys:phonehome.exit-codes}")
	static class RestartCommand extends ExecutionCommand {

		RestartCommand(JobOperator jobOperator, NightHistory history) {
			super(jobOperator, history);
		}

		@Override
		String verb() {
			return "restart";
		}

		@Override
		int act(JobExecution execution, PrintWriter out, PrintWriter err) throws Exception {
			JobExecution restarted = jobOperator.restart(execution);
			out.println("phonehome: execution " + executionId + " restarted as execution " + restarted.getId() + ": "
					+ restarted.getStatus() + " (" + restarted.getExitStatus().getExitCode() + ")");
			if (restarted.getStatus() != BatchStatus.COMPLETED) {
				JobFailures.describe(restarted).forEach(line -> err.println("  " + line));
				return ExitCode.JOB_FAILED.code();
			}
			return ExitCode.OK.code();
		}

	}

	@Component
	@Scope("prototype")
	@Command(name = "abandon", mixinStandardHelpOptions = true,
			header = "Marks a failed or stuck execution abandoned, never to be restarted.",
			description = { "Marks a failed (or, with --force, a stuck) execution ABANDONED: it will never be",
					"restarted, and its night counts as finished (a later 'run --date NIGHT --rerun' can redo it)." },
			footerHeading = "%nExit codes:%n", footer = "${sys:phonehome.exit-codes}")
	static class AbandonCommand extends ExecutionCommand {

		AbandonCommand(JobOperator jobOperator, NightHistory history) {
			super(jobOperator, history);
		}

		@Override
		String verb() {
			return "abandon";
		}

		@Override
		int act(JobExecution execution, PrintWriter out, PrintWriter err) throws Exception {
			out.println("phonehome: execution " + executionId + " is " + jobOperator.abandon(execution).getStatus());
			return ExitCode.OK.code();
		}

	}

}
