package dev.phonehome.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

import dev.phonehome.history.NightHistory;
import dev.phonehome.job.NightFacts;
import dev.phonehome.delivery.DeliveryFacts;
import dev.phonehome.delivery.DeliveryParameters;
import dev.phonehome.delivery.NightLock;
import dev.phonehome.job.NightParameters;
import dev.phonehome.job.PhoneHomeJobConfiguration;
import dev.phonehome.job.RunMode;
import dev.phonehome.settings.ConfigException;
import dev.phonehome.settings.ConfigLocation;
import dev.phonehome.settings.ServicesConfig;
import dev.phonehome.settings.ServicesConfigLoader;
import dev.phonehome.source.NightContext;
import dev.phonehome.source.SourceDecision;
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

	private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

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

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job phoneHomeJob;

	private final Clock clock;

	private final NightHistory history;

	private final NightLock nightLock;

	private final ServicesConfigLoader configs;

	private final SourceDecision sourceDecision;

	RunCommand(JobOperator jobOperator, JobRepository jobRepository,
			@Qualifier(PhoneHomeJobConfiguration.JOB_NAME) Job phoneHomeJob, Clock clock, NightHistory history,
			NightLock nightLock, ServicesConfigLoader configs, SourceDecision sourceDecision) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.phoneHomeJob = phoneHomeJob;
		this.clock = clock;
		this.history = history;
		this.nightLock = nightLock;
		this.configs = configs;
		this.sourceDecision = sourceDecision;
	}

	@Override
	public Integer call() throws Exception {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		ConfigLocation configLocation;
		try {
			// Before any data is read: a broken config, or a source that cannot be used, stops the night here.
			configLocation = ConfigLocation.of(config);
			ServicesConfig services = configs.read(configLocation.recorded());
			services.warnings().forEach(w -> err.println("warning: " + w));
			refuseUnusableSource(services);
			log.info("services config: {}; source: {}", services.origin().describe(), sourceDecision.describe());
		}
		catch (ConfigException ex) {
			err.println("phonehome: " + ex.getMessage());
			return ExitCode.CONFIG.code();
		}
		if (rerun && (date == null || dryRun)) {
			throw new ParameterException(spec.commandLine(),
					"--rerun needs --date (the night to run again) and cannot be combined with --dry-run");
		}
		LocalDate night = date != null ? date : LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(1);
		Path versions = versionsFile != null ? versionsFile : configLocation.versionsFile();
		NightParameters parameters;
		if (rerun) {
			List<JobExecution> earlier = history.completedRuns(night);
			if (earlier.isEmpty()) {
				err.println("phonehome: night " + night + " has not completed, so there is nothing to rerun; "
						+ "run it without --rerun (a failed night resumes where it stopped).");
				return ExitCode.USAGE.code();
			}
			String previous = earlier.get(earlier.size() - 1).getExecutionContext().getString(NightFacts.PAYLOAD_SHA256, "");
			parameters = new NightParameters(night, RunMode.RERUN, configLocation.recorded(), versions, outDirectory,
					clock.millis(), history.rerunCount(night) + 1, previous);
		}
		else {
			RunMode mode = dryRun ? RunMode.DRY_RUN : (date == null ? RunMode.NIGHTLY : RunMode.MANUAL);
			parameters = NightParameters.of(night, mode, configLocation.recorded(), versions, outDirectory,
					clock.millis());
		}
		JobExecution execution;
		// A real night is run by one live process at a time (dry runs are instances of their own).
		boolean dry = parameters.mode() == RunMode.DRY_RUN;
		Optional<NightLock.Held> lock = dry ? Optional.empty() : nightLock.tryHold(night);
		if (!dry && lock.isEmpty()) {
			err.println("phonehome: night " + night + " is already running in another process; nothing was run.");
			return ExitCode.ALREADY_RUNNING.code();
		}
		try {
			execution = startOrRecover(DeliveryParameters.withInsecureHttp(parameters.toJobParameters(),
					allowInsecureHttp), lock.isPresent(), err);
		}
		catch (JobInstanceAlreadyCompleteException ex) {
			err.println("phonehome: night " + night + " " + describeCompleted(parameters) + "; nothing was run. "
					+ "To run it again on purpose, add --rerun (a new, recorded execution); to look at it "
					+ "without recording a run, use --dry-run.");
			return ExitCode.ALREADY_COMPLETED.code();
		}
		catch (JobExecutionAlreadyRunningException ex) {
			err.println("phonehome: night " + night + " is already running in another process; nothing was run. "
					+ "Wait for it to finish, or check 'ps' for a stuck phonehome.");
			return ExitCode.ALREADY_RUNNING.code();
		}
		finally {
			lock.ifPresent(NightLock.Held::close);
		}
		return report(execution, out, err);
	}

	/**
	 * The source was decided when phonehome started ({@link SourceDecision}); the night does not start if that
	 * source cannot be used, or if the config read now names another one than the config read then.
	 */
	private void refuseUnusableSource(ServicesConfig services) {
		if (sourceDecision.problem() != null) {
			throw new ConfigException(sourceDecision.problem());
		}
		sourceDecision.conflictWith(services).ifPresent(conflict -> {
			throw new ConfigException(conflict);
		});
		if (source.source != null && !sourceDecision.agreesWithFlag(source.source)) {
			throw new ConfigException("--source was not seen when phonehome started (the source is "
					+ sourceDecision.describe() + "); pass it on the command line of phonehome itself");
		}
	}

	/**
	 * Starts (or resumes) the night. Holding the night's lock proves no live process runs it, so an execution
	 * still marked STARTED was left by a process that died (kill -9, power loss): it is marked FAILED and resumed.
	 */
	private JobExecution startOrRecover(JobParameters jobParameters, boolean nightHeld, PrintWriter err)
			throws Exception {
		try {
			return jobOperator.start(phoneHomeJob, jobParameters);
		}
		catch (JobExecutionAlreadyRunningException ex) {
			var instance = nightHeld ? jobRepository.getJobInstance(PhoneHomeJobConfiguration.JOB_NAME, jobParameters)
					: null;
			JobExecution abandoned = instance == null ? null : jobRepository.getLastJobExecution(instance);
			if (abandoned == null || !abandoned.isRunning()) {
				throw ex;
			}
			err.println("phonehome: execution " + abandoned.getId() + " of this night was left " + abandoned.getStatus()
					+ " by a process that stopped; it is marked FAILED and the night resumes where it stopped.");
			jobOperator.recover(abandoned);
			return jobOperator.start(phoneHomeJob, jobParameters);
		}
	}

	private String describeCompleted(NightParameters parameters) {
		var instance = jobRepository.getJobInstance(PhoneHomeJobConfiguration.JOB_NAME,
				parameters.toJobParameters());
		JobExecution last = instance == null ? null : jobRepository.getLastJobExecution(instance);
		if (last == null) {
			return "was already completed";
		}
		return "was already completed by execution " + last.getId() + " (ended " + last.getEndTime() + ", "
				+ last.getExitStatus().getExitCode() + ")";
	}

	private int report(JobExecution execution, PrintWriter out, PrintWriter err) {
		if (execution.getStatus() != BatchStatus.COMPLETED) {
			err.println("phonehome: night " + execution.getJobParameters().getLocalDate(NightContext.RUN_DATE)
					+ " failed (execution " + execution.getId() + ", " + execution.getStatus() + "):");
			JobFailures.describe(execution).forEach(line -> err.println("  " + line));
			if (JobFailures.isBadData(execution)) {
				return ExitCode.BAD_DATA.code();
			}
			if (JobFailures.isSourceUnavailable(execution)) {
				return ExitCode.CONFIG.code();
			}
			err.println("Nothing was sent. Fix the cause, then run the same command again: the night resumes "
					+ "where it stopped.");
			return ExitCode.JOB_FAILED.code();
		}
		RunSummary summary = RunSummary.of(execution);
		out.print(summary.render());
		out.flush();
		if (DeliveryFacts.owed(execution.getExecutionContext())) {
			err.println("phonehome: the payload is archived and queued but not delivered yet (see 'delivery' above); "
					+ "the next run sends the queued nights first.");
			return ExitCode.DELIVERY_PENDING.code();
		}
		return summary.skipped() ? ExitCode.SKIPPED.code() : ExitCode.OK.code();
	}

}
