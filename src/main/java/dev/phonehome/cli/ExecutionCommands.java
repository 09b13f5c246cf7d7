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

	@Component
	@Scope("prototype")
	@Command(name = "restart", mixinStandardHelpOptions = true,
			header = "Restarts a failed or stuck execution where it stopped.",
			description = { "Restarts a failed (or, with --force, a stuck) execution of a night where it stopped.",
					"Same as 'run --date NIGHT' for a failed night; the execution id is in 'history'." },
			footerHeading = "%nExit codes:%n", footer = "${sys:phonehome.exit-codes}")
	static class RestartCommand implements Callable<Integer> {

		@Spec
		CommandSpec spec;

		@Mixin
		HomeOption home;

		@Parameters(paramLabel = "EXECUTION_ID", description = "the execution to restart")
		long executionId;

		@Option(names = "--force", description = "the execution is marked running but its process is gone "
				+ "(killed, host rebooted): mark it failed first, then restart")
		boolean force;

		private final JobOperator jobOperator;

		private final NightHistory history;

		RestartCommand(JobOperator jobOperator, NightHistory history) {
			this.jobOperator = jobOperator;
			this.history = history;
		}

		@Override
		public Integer call() throws Exception {
			PrintWriter err = spec.commandLine().getErr();
			JobExecution execution = history.execution(executionId).orElse(null);
			Integer refused = refuseUnlessRecoverable(execution, executionId, force, "restart", err);
			if (refused != null) {
				return refused;
			}
			if (execution.getStatus().isRunning()) {
				execution = jobOperator.recover(execution);
			}
			JobExecution restarted = jobOperator.restart(execution);
			spec.commandLine().getOut().println("phonehome: execution " + executionId + " restarted as execution "
					+ restarted.getId() + ": " + restarted.getStatus() + " (" + restarted.getExitStatus().getExitCode()
					+ ")");
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
	static class AbandonCommand implements Callable<Integer> {

		@Spec
		CommandSpec spec;

		@Mixin
		HomeOption home;

		@Parameters(paramLabel = "EXECUTION_ID", description = "the execution to abandon")
		long executionId;

		@Option(names = "--force", description = "the execution is marked running but its process is gone")
		boolean force;

		private final JobOperator jobOperator;

		private final NightHistory history;

		AbandonCommand(JobOperator jobOperator, NightHistory history) {
			this.jobOperator = jobOperator;
			this.history = history;
		}

		@Override
		public Integer call() throws Exception {
			PrintWriter err = spec.commandLine().getErr();
			JobExecution execution = history.execution(executionId).orElse(null);
			Integer refused = refuseUnlessRecoverable(execution, executionId, force, "abandon", err);
			if (refused != null) {
				return refused;
			}
			if (execution.getStatus().isRunning()) {
				execution = jobOperator.recover(execution);
			}
			JobExecution abandoned = jobOperator.abandon(execution);
			spec.commandLine().getOut().println("phonehome: execution " + executionId + " is " + abandoned.getStatus());
			return ExitCode.OK.code();
		}

	}

	/** A missing, completed or (without --force) running execution is refused with what to do instead. */
	static Integer refuseUnlessRecoverable(JobExecution execution, long executionId, boolean force, String verb,
			PrintWriter err) {
		if (execution == null) {
			err.println("phonehome: there is no execution " + executionId + " of the phone-home job; see 'history'");
			return ExitCode.USAGE.code();
		}
		if (execution.getStatus() == BatchStatus.COMPLETED || execution.getStatus() == BatchStatus.ABANDONED) {
			err.println("phonehome: execution " + executionId + " is " + execution.getStatus() + "; nothing to "
					+ verb + (execution.getStatus() == BatchStatus.COMPLETED
							? " (to run its night again on purpose: run --date NIGHT --rerun)" : ""));
			return ExitCode.ALREADY_COMPLETED.code();
		}
		if (execution.getStatus().isRunning() && !force) {
			err.println("phonehome: execution " + executionId + " is marked " + execution.getStatus()
					+ ". If no phonehome process is running it (check 'ps' here and on other nodes), "
					+ verb + " it with --force.");
			return ExitCode.ALREADY_RUNNING.code();
		}
		return null;
	}

}
