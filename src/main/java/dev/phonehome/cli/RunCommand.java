package dev.phonehome.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

import dev.phonehome.job.NightLauncher;
import dev.phonehome.job.NightOutcome;
import dev.phonehome.job.NightRequest;
import dev.phonehome.metrics.MetricsTextfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code phonehome run}: computes, validates and archives one night's payload. */
@Component
@Scope("prototype")
@Command(name = "run", mixinStandardHelpOptions = true,
		header = "Runs the phone-home job for one night (default: yesterday, UTC).",
		description = { "A completed night is not run again (unless --rerun); a failed night resumes where it stopped." },
		footerHeading = "%nExit codes:%n", footer = "${sys:phonehome.exit-codes}")
class RunCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	HomeOption home;

	@Mixin
	SourceOption source;

	@Option(names = "--date", paramLabel = "YYYY-MM-DD",
			description = "the night (a UTC day) to run; default: yesterday in UTC")
	LocalDate date;

	@Option(names = "--dry-run",
			description = "compute and archive the payload without counting as the night's run (never sent)")
	boolean dryRun;

	@Option(names = "--out", paramLabel = "DIR",
			description = "write the night's artefacts to DIR instead of the archive under the home directory")
	Path outDirectory;

	@Option(names = "--rerun",
			description = "run a completed night again, on purpose, as a new recorded execution (needs --date)")
	boolean rerun;

	@Option(names = "--config", paramLabel = "FILE|URI",
			description = { "the services config (default: ~/.codestream/codestream-services-config.json); with a "
					+ "mongo.url file beside that path, or given as a MongoDB URI (no password: use "
					+ "PHONEHOME_MONGODB_PASSWORD), the active config kept in MongoDB" })
	String config;

	@Option(names = "--versions-file", paramLabel = "FILE",
			description = "where the onPremVersion= line is (default: container-versions beside the config)")
	Path versionsFile;

	@Option(names = "--allow-insecure-http",
			description = "allow a plain-http phoneHomeUrl to a host other than loopback (the payload travels unencrypted)")
	boolean allowInsecureHttp;

	@Option(names = "--allow-stale-store",
			description = "run even though the store was imported before the night ended (the summary, record and "
					+ "audit cover then say so); without it such a night is refused with exit 11")
	boolean allowStaleStore;

	private final NightLauncher launcher;

	private final MetricsTextfile metrics;

	RunCommand(NightLauncher launcher, MetricsTextfile metrics) {
		this.launcher = launcher;
		this.metrics = metrics;
	}

	@Override
	public Integer call() {
		if (rerun && (date == null || dryRun)) {
			throw new ParameterException(spec.commandLine(),
					"--rerun needs --date (the night to run again) and cannot be combined with --dry-run");
		}
		long started = System.nanoTime();
		NightOutcome outcome = launcher.run(new NightRequest(date, dryRun, rerun, config, source.source, versionsFile,
				outDirectory, allowInsecureHttp, allowStaleStore));
		int exitCode = NightOutcomes.report(outcome, spec.commandLine().getOut(), spec.commandLine().getErr());
		metrics.afterRun(outcome.execution(), exitCode, Duration.ofNanos(System.nanoTime() - started));
		return exitCode;
	}

}
