package dev.phonehome.history;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.stereotype.Component;

import dev.phonehome.job.NightFacts;
import dev.phonehome.job.NightParameters;
import dev.phonehome.job.PhoneHomeJobConfiguration;
import dev.phonehome.job.RunMode;
import dev.phonehome.source.NightContext;

/** The history of every night, read from Spring Batch's job repository: the durable record for compliance. */
@Component
public class NightHistory {

	private final JobRepository jobRepository;

	public NightHistory(JobRepository jobRepository) {
		this.jobRepository = jobRepository;
	}

	/**
	 * Every execution whose night lies in {@code [from, to]} (either may be null), oldest execution first: the
	 * nights' runs, and the exports of their payloads.
	 */
	public List<HistoryEntry> entries(LocalDate from, LocalDate to) {
		List<HistoryEntry> entries = new ArrayList<>();
		for (JobExecution execution : executions()) {
			if (inPeriod(night(execution), from, to)) {
				entries.add(entry(execution));
			}
		}
		for (JobInstance instance : jobRepository.getJobInstances(EXPORT_JOB, 0, Integer.MAX_VALUE)) {
			for (JobExecution export : jobRepository.getJobExecutions(instance)) {
				if (inPeriod(export.getJobParameters().getLocalDate(EXPORT_NIGHT), from, to)) {
					entries.add(exportEntry(export));
				}
			}
		}
		entries.sort(Comparator.comparingLong(HistoryEntry::executionId));
		return entries;
	}

	private static boolean inPeriod(LocalDate night, LocalDate from, LocalDate to) {
		return (from == null || !night.isBefore(from)) && (to == null || !night.isAfter(to));
	}

	// named here rather than imported: the export feature depends on the history, not the other way round
	private static final String EXPORT_JOB = "exportJob";

	private static final String EXPORT_NIGHT = "export.night";

	private HistoryEntry exportEntry(JobExecution export) {
		ExecutionContext facts = export.getExecutionContext();
		Object source = facts.get("export.source-execution");
		return new HistoryEntry(export.getJobParameters().getLocalDate(EXPORT_NIGHT), export.getId(),
				"export" + (source == null ? "" : " (payload of execution " + source + ")"), instant(export.getStartTime()),
				instant(export.getEndTime()), export.getStatus().name(), export.getExitStatus().getExitCode(), null,
				null, null, null, "", text(facts, NightFacts.PAYLOAD_SHA256), "", "", "",
				text(facts, "export.path"));
	}

	private static java.time.Instant instant(java.time.LocalDateTime time) {
		return time == null ? null : time.atZone(ZoneId.systemDefault()).toInstant();
	}

	/** Every execution of {@code phoneHomeJob}, oldest first. */
	public List<JobExecution> executions() {
		List<JobExecution> executions = new ArrayList<>();
		for (JobInstance instance : jobRepository.getJobInstances(PhoneHomeJobConfiguration.JOB_NAME, 0,
				Integer.MAX_VALUE)) {
			executions.addAll(jobRepository.getJobExecutions(instance));
		}
		executions.sort(Comparator.comparingLong(JobExecution::getId));
		return executions;
	}

	/** The night's real (not dry-run) executions that completed, oldest first: the original run and its reruns. */
	public List<JobExecution> completedRuns(LocalDate night) {
		return executions().stream().filter(e -> night.equals(night(e))).filter(NightHistory::completedRun).toList();
	}

	private static boolean completedRun(JobExecution execution) {
		return execution.getStatus() == BatchStatus.COMPLETED && mode(execution) != RunMode.DRY_RUN;
	}

	/**
	 * The night's payload from its latest completed run (the original or a rerun) that archived one; never a dry
	 * run's. Empty when the night was skipped, failed or never run.
	 */
	public Optional<ArchivedPayload> archivedPayload(LocalDate night) {
		return Optional.ofNullable(archivedPayloads().get(night));
	}

	/** {@link #archivedPayload} of every night that has one, by night. */
	public NavigableMap<LocalDate, ArchivedPayload> archivedPayloads() {
		NavigableMap<LocalDate, ArchivedPayload> nights = new TreeMap<>();
		// oldest execution first, so a night's latest run is the one left in the map
		executions().stream()
			.filter(NightHistory::completedRun)
			.forEach(e -> ArchivedPayload.of(e).ifPresent(payload -> nights.put(payload.night(), payload)));
		return nights;
	}

	/** How many reruns the night has had so far. */
	public long rerunCount(LocalDate night) {
		return executions().stream()
			.filter(e -> night.equals(night(e)))
			.map(e -> e.getJobParameters().getLong(NightParameters.RERUN))
			.filter(n -> n != null)
			.distinct()
			.count();
	}

	public Optional<JobExecution> execution(long executionId) {
		JobExecution execution;
		try {
			execution = jobRepository.getJobExecution(executionId);
		}
		catch (RuntimeException ex) {
			// the DAO may fail rather than answer null for an id it does not know
			return Optional.empty();
		}
		return Optional.ofNullable(execution)
			.filter(e -> PhoneHomeJobConfiguration.JOB_NAME.equals(e.getJobInstance().getJobName()));
	}

	static LocalDate night(JobExecution execution) {
		return execution.getJobParameters().getLocalDate(NightContext.RUN_DATE);
	}

	static RunMode mode(JobExecution execution) {
		String mode = execution.getJobParameters().getString(NightParameters.RUN_MODE);
		return mode == null ? RunMode.MANUAL : RunMode.valueOf(mode);
	}

	private HistoryEntry entry(JobExecution execution) {
		ExecutionContext facts = execution.getExecutionContext();
		return new HistoryEntry(night(execution), execution.getId(), modeLabel(execution),
				instant(execution.getStartTime()), instant(execution.getEndTime()),
				execution.getStatus().name(), execution.getExitStatus().getExitCode(),
				count(facts, "companies"), count(facts, "teams"), count(facts, "users"), count(facts, "codeReviews"),
				facts.containsKey(NightFacts.EMAILS_INCLUDED)
						? (NightFacts.flag(facts, NightFacts.EMAILS_INCLUDED) ? "included" : "redacted") : "",
				text(facts, NightFacts.PAYLOAD_SHA256), text(facts, NightFacts.RERUN_PREVIOUS_SHA256),
				text(facts, NightFacts.DELIVERY_STATUS), text(facts, NightFacts.DELIVERY_TIME),
				text(facts, NightFacts.AUDIT_PDF_PATH));
	}

	private String modeLabel(JobExecution execution) {
		if ("SKIPPED".equals(execution.getExitStatus().getExitCode())) {
			return "skipped";
		}
		List<JobExecution> ofInstance = jobRepository.getJobExecutions(execution.getJobInstance());
		boolean restart = ofInstance.stream().anyMatch(e -> e.getId() < execution.getId());
		RunMode mode = mode(execution);
		String label = mode == RunMode.RERUN
				? "rerun " + execution.getJobParameters().getLong(NightParameters.RERUN) + " of " + night(execution)
				: mode.label();
		return restart ? "restart (" + label + ")" : label;
	}

	private static Long count(ExecutionContext facts, String section) {
		Object value = facts.get(NightFacts.PAYLOAD_COUNT + section);
		return value instanceof Number number ? number.longValue() : null;
	}

	private static String text(ExecutionContext facts, String key) {
		Object value = facts.get(key);
		return value == null ? "" : value.toString();
	}

}
