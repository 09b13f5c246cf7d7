package dev.phonehome.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;

import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

import dev.phonehome.job.NightLauncher;
import dev.phonehome.job.NightOutcome;
import dev.phonehome.metrics.MetricsTextfile;
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

	/** What both commands take: the execution, and {@code --force} for one left running by a dead process. */
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

		final NightLauncher launcher;

		ExecutionCommand(NightLauncher launcher) {
			this.launcher = launcher;
		}

		@Override
		public Integer call() {
			long started = System.nanoTime();
			NightOutcome outcome = act();
			// what was done goes to stdout; a refusal (nothing was done) to stderr
			PrintWriter to = outcome.execution() == null ? spec.commandLine().getErr() : spec.commandLine().getOut();
			outcome.messages().forEach(to::println);
			to.flush();
			int exitCode = NightOutcomes.exitCode(outcome.kind()).code();
			after(outcome, exitCode, Duration.ofNanos(System.nanoTime() - started));
			return exitCode;
		}

		abstract NightOutcome act();

		/** What the command leaves behind besides its messages; nothing by default. */
		void after(NightOutcome outcome, int exitCode, Duration took) {
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

		private final MetricsTextfile metrics;

		RestartCommand(NightLauncher launcher, MetricsTextfile metrics) {
			super(launcher);
			this.metrics = metrics;
		}

		@Override
		NightOutcome act() {
			return launcher.restart(executionId, force);
		}

		/** A restart runs the night: monitoring sees its outcome as the last run's, as after 'run'. */
		@Override
		void after(NightOutcome outcome, int exitCode, Duration took) {
			metrics.afterRun(outcome.execution(), exitCode, took);
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

		AbandonCommand(NightLauncher launcher) {
			super(launcher);
		}

		@Override
		NightOutcome act() {
			return launcher.abandon(executionId, force);
		}

	}

}
