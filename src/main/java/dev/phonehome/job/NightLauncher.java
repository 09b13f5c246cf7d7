package dev.phonehome.job;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

import dev.phonehome.failpoint.Failpoint;
import dev.phonehome.history.NightHistory;
import dev.phonehome.job.NightOutcome.Kind;
import dev.phonehome.record.NightParameters;
import dev.phonehome.record.DeliveryStatus;
import dev.phonehome.record.NightRecord;
import dev.phonehome.record.NightRecords;
import dev.phonehome.record.NightWindow;
import dev.phonehome.record.RunMode;
import dev.phonehome.settings.ConfigException;
import dev.phonehome.settings.ConfigLocation;
import dev.phonehome.settings.ServicesConfig;
import dev.phonehome.settings.ServicesConfigLoader;
import dev.phonehome.source.SourceDecision;
import dev.phonehome.source.StoreCheck;
import dev.phonehome.verify.NightChain;

/**
 * Runs, resumes, reruns, recovers and locks nights: everything between an operator's request and
 * {@code phoneHomeJob}, so that a command only parses its arguments and maps the {@link NightOutcome} to an exit
 * code.
 * <ul>
 * <li>A real night is run by one live process at a time: the night's database lock ({@link NightLock}) is held for
 * the whole execution. Dry runs are instances of their own and take no lock.</li>
 * <li>A night that completed is refused; one that failed resumes where it stopped (Batch restarts its instance).</li>
 * <li>Holding the night's lock proves no live process runs it, so an execution still marked STARTED was left by a
 * process that died: it is recovered (marked FAILED, linked into the record chain) and resumed.</li>
 * </ul>
 */
@Service
public class NightLauncher {

	private static final Logger log = LoggerFactory.getLogger(NightLauncher.class);

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job phoneHomeJob;

	private final NightHistory history;

	private final NightLock nightLock;

	private final NightChain chain;

	private final WorkArea workArea;

	private final ServicesConfigLoader configs;

	private final SourceDecision sourceDecision;

	private final Clock clock;

	private final StoreCheck storeCheck;

	NightLauncher(JobOperator jobOperator, JobRepository jobRepository,
			@Qualifier(PhoneHomeJobConfiguration.JOB_NAME) Job phoneHomeJob, NightHistory history, NightLock nightLock,
			NightChain chain, WorkArea workArea, ServicesConfigLoader configs, SourceDecision sourceDecision,
			Clock clock, StoreCheck storeCheck) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.phoneHomeJob = phoneHomeJob;
		this.history = history;
		this.nightLock = nightLock;
		this.chain = chain;
		this.workArea = workArea;
		this.configs = configs;
		this.sourceDecision = sourceDecision;
		this.clock = clock;
		this.storeCheck = storeCheck;
	}

	/** Runs (or resumes) the night asked for. */
	public NightOutcome run(NightRequest request) {
		List<String> warnings = new ArrayList<>();
		ConfigLocation configLocation;
		try {
			// before any data is read: a broken config, or a source that cannot be used, stops the night here
			configLocation = ConfigLocation.of(request.config());
			ServicesConfig services = configs.read(configLocation.recorded());
			services.warnings().forEach(w -> warnings.add("warning: " + w));
			refuseUnusableSource(services, request.source());
			log.info("services config: {}; source: {}", services.origin().describe(), sourceDecision.describe());
		}
		catch (ConfigException ex) {
			return NightOutcome.refused(Kind.CONFIGURATION, warnings, "phonehome: " + ex.getMessage());
		}
		LocalDate night = request.date() != null ? request.date()
				: LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(1);
		NightWindow window = NightWindow.of(night);
		if (!storeCheck.dayEnded(window) && !request.dryRun()) {
			return NightOutcome.refused(Kind.USAGE, warnings, "phonehome: night " + night + " has not ended yet (it "
					+ "ends " + window.end() + "); a night is run once it is over, so its data is complete. To look "
					+ "at it now, use --dry-run (its summary and audit then say the day is incomplete).");
		}
		Optional<String> stale = storeCheck.staleness(window);
		if (stale.isPresent() && !request.allowStaleStore()) {
			return NightOutcome.refused(Kind.STALE_STORE, warnings, "phonehome: night " + night + " refused: "
					+ stale.get() + ". Import a dump taken after the night (phonehome import --from DIR), or run "
					+ "with --allow-stale-store to report the older data on purpose (the summary, record and audit "
					+ "then say so); nothing was run.");
		}
		Path versions = request.versionsFile() != null ? request.versionsFile() : configLocation.versionsFile();
		RunMode mode = request.rerun() ? RunMode.RERUN
				: request.dryRun() ? RunMode.DRY_RUN : request.date() == null ? RunMode.NIGHTLY : RunMode.MANUAL;
		NightRecord.Rerun rerun = null;
		if (mode == RunMode.RERUN) {
			List<JobExecution> earlier = history.completedRuns(night);
			if (earlier.isEmpty()) {
				return NightOutcome.refused(Kind.USAGE, warnings, "phonehome: night " + night
						+ " has not completed, so there is nothing to rerun; run it without --rerun (a failed night "
						+ "resumes where it stopped).");
			}
			NightRecord last = NightRecords.read(earlier.get(earlier.size() - 1));
			rerun = new NightRecord.Rerun(history.rerunCount(night) + 1,
					last.payload() == null ? "" : last.payload().file().sha256());
		}
		NightParameters parameters = new NightParameters(night, mode, configLocation.recorded(), versions,
				request.outDirectory(),
				clock.millis(), rerun, request.allowInsecureHttp(), request.allowStaleStore());
		if (request.outDirectory() != null && holdsArtefacts(request.outDirectory()) && !resumable(parameters)) {
			return NightOutcome.refused(Kind.CONFIGURATION, warnings, "phonehome: " + request.outDirectory()
					+ " already holds a night's artefacts (" + String.join(", ", ARTEFACT_NAMES) + "); phonehome never "
					+ "overwrites them. Give --out an empty folder (or move those files away); nothing was run.");
		}

		Optional<NightLock.Held> lock = mode == RunMode.DRY_RUN ? Optional.empty() : nightLock.tryHold(night);
		if (mode != RunMode.DRY_RUN && lock.isEmpty()) {
			return NightOutcome.refused(Kind.IN_USE, warnings,
					"phonehome: night " + night + " is already running in another process; nothing was run.");
		}
		Failpoint.LAUNCHER_LOCKED.hit();
		try {
			workArea.sweep();
			if (lock.isPresent()) {
				chain.appendMissing(history.executions(night));
			}
			JobExecution execution = startOrRecover(parameters, lock.isPresent(), warnings);
			return finished(execution, warnings);
		}
		catch (JobInstanceAlreadyCompleteException ex) {
			return NightOutcome.refused(Kind.ALREADY_COMPLETED, warnings, "phonehome: night " + night + " "
					+ describeCompleted(parameters) + "; nothing was run. To run it again on purpose, add --rerun (a "
					+ "new, recorded execution); to look at it without recording a run, use --dry-run.");
		}
		catch (JobExecutionAlreadyRunningException ex) {
			return NightOutcome.refused(Kind.IN_USE, warnings, "phonehome: night " + night
					+ " is already running in another process; nothing was run. Wait for it to finish, or check "
					+ "'ps' for a stuck phonehome.");
		}
		finally {
			lock.ifPresent(NightLock.Held::close);
		}
	}

	/**
	 * The source was decided when phonehome started ({@link SourceDecision}); the night does not start if that
	 * source cannot be used, or if the config read now names another one than the config read then.
	 */
	private void refuseUnusableSource(ServicesConfig services, String sourceFlag) {
		if (sourceDecision.problem() != null) {
			throw new ConfigException(sourceDecision.problem());
		}
		sourceDecision.conflictWith(services).ifPresent(conflict -> {
			throw new ConfigException(conflict);
		});
		if (sourceFlag != null && !sourceDecision.agreesWithFlag(sourceFlag)) {
			throw new ConfigException("--source was not seen when phonehome started (the source is "
					+ sourceDecision.describe() + "); pass it on the command line of phonehome itself");
		}
	}

	/** Restarts a failed (or, with {@code force}, a stuck) execution where it stopped. */
	public NightOutcome restart(long executionId, boolean force) {
		return actOn(executionId, force, "restart", execution -> {
			JobExecution restarted = jobOperator.restart(execution);
			NightOutcome outcome = finished(restarted, List.of());
			List<String> lines = new ArrayList<>();
			lines.add("phonehome: execution " + executionId + " restarted as execution " + restarted.getId() + ": "
					+ restarted.getStatus() + " (" + restarted.getExitStatus().getExitCode() + ")");
			if (restarted.getStatus() != BatchStatus.COMPLETED) {
				JobFailures.describe(restarted).forEach(line -> lines.add("  " + line));
			}
			return NightOutcome.of(outcome.kind(), restarted, lines);
		});
	}

	/** Marks a failed (or, with {@code force}, a stuck) execution ABANDONED: it will never be restarted. */
	public NightOutcome abandon(long executionId, boolean force) {
		return actOn(executionId, force, "abandon", execution -> {
			JobExecution abandoned = jobOperator.abandon(execution);
			chain.append(abandoned, NightChain.Event.ABANDONED);
			workArea.release(abandoned);
			return NightOutcome.of(Kind.COMPLETED, abandoned,
					List.of("phonehome: execution " + executionId + " is " + abandoned.getStatus()));
		});
	}

	@FunctionalInterface
	private interface Action {

		NightOutcome on(JobExecution execution) throws Exception;

	}

	/**
	 * What restart and abandon share: find the execution, refuse what cannot be acted on, hold its night's lock,
	 * and with {@code force} first recover an execution left running by a process that died.
	 */
	private NightOutcome actOn(long executionId, boolean force, String verb, Action action) {
		JobExecution execution = history.execution(executionId).orElse(null);
		if (execution == null) {
			return NightOutcome.refused(Kind.USAGE, List.of(),
					"phonehome: there is no execution " + executionId + " of the phone-home job; see 'history'");
		}
		BatchStatus status = execution.getStatus();
		if (status == BatchStatus.COMPLETED || status == BatchStatus.ABANDONED) {
			return NightOutcome.refused(Kind.ALREADY_COMPLETED, List.of(), "phonehome: execution " + executionId
					+ " is " + status + "; nothing to " + verb + (status == BatchStatus.COMPLETED
							? " (to run its night again on purpose: run --date NIGHT --rerun)" : ""));
		}
		if (status.isRunning() && !force) {
			return NightOutcome.refused(Kind.IN_USE, List.of(), "phonehome: execution " + executionId + " is marked "
					+ status + ". If no phonehome process is running it (check 'ps' here and on other nodes), "
					+ verb + " it with --force.");
		}
		NightParameters parameters = NightParameters.of(execution.getJobParameters());
		Optional<NightLock.Held> lock = parameters.mode() == RunMode.DRY_RUN ? Optional.empty()
				: nightLock.tryHold(parameters.night());
		if (parameters.mode() != RunMode.DRY_RUN && lock.isEmpty()) {
			return NightOutcome.refused(Kind.IN_USE, List.of(), "phonehome: night " + parameters.night()
					+ " is being run by another live process; nothing was done to execution " + executionId + ".");
		}
		try {
			if (execution.getStatus().isRunning()) {
				execution = recover(execution);
			}
			return action.on(execution);
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot " + verb + " execution " + executionId + ": " + ex.getMessage(),
					ex);
		}
		finally {
			lock.ifPresent(NightLock.Held::close);
		}
	}

	/**
	 * Starts (or resumes) the night. Holding the night's lock proves no live process runs it, so an execution
	 * still marked STARTED was left by a process that died (kill -9, power loss): it is recovered and resumed.
	 */
	private JobExecution startOrRecover(NightParameters parameters, boolean nightHeld, List<String> messages)
			throws JobInstanceAlreadyCompleteException, JobExecutionAlreadyRunningException {
		try {
			return start(parameters);
		}
		catch (JobExecutionAlreadyRunningException ex) {
			JobInstance instance = nightHeld
					? jobRepository.getJobInstance(PhoneHomeJobConfiguration.JOB_NAME, parameters.identifying())
					: null;
			JobExecution abandoned = instance == null ? null : jobRepository.getLastJobExecution(instance);
			if (abandoned == null || !abandoned.isRunning()) {
				throw ex;
			}
			messages.add("phonehome: execution " + abandoned.getId() + " of this night was left "
					+ abandoned.getStatus() + " by a process that stopped; it is marked FAILED and the night resumes "
					+ "where it stopped.");
			recover(abandoned);
			return start(parameters);
		}
	}

	private JobExecution start(NightParameters parameters)
			throws JobInstanceAlreadyCompleteException, JobExecutionAlreadyRunningException {
		try {
			return InstanceCreation.retryingOnce(parameters.night(),
					() -> jobOperator.start(phoneHomeJob, parameters.toJobParameters()));
		}
		catch (JobRestartException | InvalidJobParametersException ex) {
			throw new IllegalStateException("night " + parameters.night() + " cannot be started: " + ex.getMessage(),
					ex);
		}
	}

	/** Marks failed an execution whose process died, and links its record into the chain. */
	private JobExecution recover(JobExecution dead) {
		JobExecution recovered = jobOperator.recover(dead);
		chain.append(recovered, NightChain.Event.RECOVERED);
		return recovered;
	}

	/** The files a night writes into its folder. */
	private static final List<String> ARTEFACT_NAMES = List.of("payload.json", "audit.pdf", "audit.csv");

	private static boolean holdsArtefacts(Path folder) {
		return ARTEFACT_NAMES.stream().anyMatch(name -> java.nio.file.Files.exists(folder.resolve(name)));
	}

	/** Whether this night's job instance has an execution that will be resumed (it wrote into the folder itself). */
	private boolean resumable(NightParameters parameters) {
		JobInstance instance = jobRepository.getJobInstance(PhoneHomeJobConfiguration.JOB_NAME,
				parameters.identifying());
		JobExecution last = instance == null ? null : jobRepository.getLastJobExecution(instance);
		return last != null && last.getStatus() != BatchStatus.COMPLETED && last.getStatus() != BatchStatus.ABANDONED;
	}

	private String describeCompleted(NightParameters parameters) {
		JobInstance instance = jobRepository.getJobInstance(PhoneHomeJobConfiguration.JOB_NAME,
				parameters.identifying());
		JobExecution last = instance == null ? null : jobRepository.getLastJobExecution(instance);
		if (last == null) {
			return "was already completed";
		}
		return "was already completed by execution " + last.getId() + " (ended " + last.getEndTime() + ", "
				+ last.getExitStatus().getExitCode() + ")";
	}

	/** What an execution that ran came to, and what the operator must be told. */
	private static NightOutcome finished(JobExecution execution, List<String> warnings) {
		List<String> lines = new ArrayList<>(warnings);
		NightRecord record = NightRecords.read(execution);
		if (execution.getStatus() != BatchStatus.COMPLETED) {
			lines.add("phonehome: night " + record.date() + " failed (execution " + execution.getId() + ", "
					+ execution.getStatus() + "):");
			JobFailures.describe(execution).forEach(line -> lines.add("  " + line));
			if (JobFailures.isBadData(execution)) {
				return NightOutcome.of(Kind.BAD_DATA, execution, lines);
			}
			// a source that cannot be reached at all is a configuration matter; one that dropped after the night
			// began reading it (its decisions are recorded) is a failed night the same command resumes
			if (JobFailures.isSourceUnavailable(execution) && record.decisions() == null) {
				return NightOutcome.of(Kind.CONFIGURATION, execution, lines);
			}
			lines.add((record.payload() == null ? "Nothing was sent. "
					: "The payload is archived; what became of it is settled when the night resumes. ")
					+ "Fix the cause, then run the same command again: the night resumes where it stopped.");
			return NightOutcome.of(Kind.FAILED, execution, lines);
		}
		if (record.delivery() != null && record.delivery().status() == DeliveryStatus.HELD) {
			lines.add("phonehome: night " + record.date() + " is archived and audited but HELD for approval: "
					+ record.delivery().problem());
			return NightOutcome.of(Kind.HELD, execution, lines);
		}
		if (record.delivery() != null && record.delivery().owed()) {
			lines.add("phonehome: the payload is archived and queued but not delivered yet (see 'delivery' above); "
					+ "the next run sends the queued nights first.");
			return NightOutcome.of(Kind.DELIVERY_PENDING, execution, lines);
		}
		return NightOutcome.of(record.skipped() ? Kind.SKIPPED : Kind.COMPLETED, execution, lines);
	}

}
