package dev.phonehome.history;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import dev.phonehome.record.DeliveryStatus;
import dev.phonehome.record.ExportParameters;
import dev.phonehome.record.ExportRecord;
import dev.phonehome.record.Jobs;
import dev.phonehome.record.NightParameters;
import dev.phonehome.record.NightRecord;
import dev.phonehome.record.NightRecords;
import dev.phonehome.record.RunMode;

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
		for (JobExecution export : executionsOf(Jobs.EXPORT)) {
			LocalDate night = ExportParameters.of(export.getJobParameters()).night();
			if (inPeriod(night, from, to)) {
				entries.add(exportEntry(export, night, NightRecords.readExport(export)));
			}
		}
		entries.sort(Comparator.comparingLong(HistoryEntry::executionId));
		return entries;
	}

	private static boolean inPeriod(LocalDate night, LocalDate from, LocalDate to) {
		return (from == null || !night.isBefore(from)) && (to == null || !night.isAfter(to));
	}

	/** An export's row; {@code record} is {@code null} when the export failed before writing anything. */
	private HistoryEntry exportEntry(JobExecution export, LocalDate night, ExportRecord record) {
		return new HistoryEntry(night, export.getId(),
				record == null ? "export" : "export (payload of execution " + record.sourceExecution() + ")",
				instant(export.getStartTime()), instant(export.getEndTime()), export.getStatus().name(),
				export.getExitStatus().getExitCode(), null, null, null, null, "",
				record == null ? "" : record.payloadSha256(), "", "", "",
				record == null ? "" : record.body().path().toString(), "", "");
	}

	private static java.time.Instant instant(java.time.LocalDateTime time) {
		return time == null ? null : time.atZone(ZoneId.systemDefault()).toInstant();
	}

	/** Every execution of one night (dry runs and reruns included), oldest first. */
	public List<JobExecution> executions(LocalDate night) {
		return executions().stream().filter(e -> night.equals(night(e))).toList();
	}

	/** Every execution of {@code phoneHomeJob}, oldest first. */
	public List<JobExecution> executions() {
		return executionsOf(Jobs.PHONE_HOME);
	}

	private List<JobExecution> executionsOf(String jobName) {
		List<JobExecution> executions = new ArrayList<>();
		for (JobInstance instance : jobRepository.getJobInstances(jobName, 0, Integer.MAX_VALUE)) {
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
		return execution.getStatus() == BatchStatus.COMPLETED
				&& NightParameters.of(execution.getJobParameters()).mode() != RunMode.DRY_RUN;
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

	/**
	 * The payload of the latest night before {@code night} that was sent, or will be: its own run's (a restart's
	 * included), never a dry run's or a rerun's, which are never sent; an abandoned execution's only if it queued
	 * its payload. What a night's changes are computed against.
	 */
	public Optional<ArchivedPayload> sentPayloadBefore(LocalDate night) {
		NavigableMap<LocalDate, ArchivedPayload> sent = new TreeMap<>();
		for (JobExecution execution : executions()) {
			if (night(execution).isBefore(night) && sentOrQueued(execution)) {
				// oldest execution first: a night's latest run that archived a payload wins
				ArchivedPayload.of(execution).ifPresent(payload -> sent.put(payload.night(), payload));
			}
		}
		return Optional.ofNullable(sent.lastEntry()).map(java.util.Map.Entry::getValue);
	}

	private static boolean sentOrQueued(JobExecution execution) {
		RunMode mode = NightParameters.of(execution.getJobParameters()).mode();
		if (mode == RunMode.DRY_RUN || mode == RunMode.RERUN) {
			return false;
		}
		NightRecord.Delivery delivery = NightRecords.read(execution).delivery();
		if (delivery != null && delivery.status() == DeliveryStatus.REJECTED) {
			return false; // rejected at the scope gate: archived, never sent
		}
		return execution.getStatus() != BatchStatus.ABANDONED || (delivery != null && delivery.status() != null
				&& !delivery.status().neverSent());
	}

	/** How many reruns the night has had so far. */
	public long rerunCount(LocalDate night) {
		return executions().stream()
			.filter(e -> night.equals(night(e)))
			.map(e -> NightParameters.of(e.getJobParameters()).rerun())
			.filter(Objects::nonNull)
			.map(NightRecord.Rerun::number)
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
		return Optional.ofNullable(execution).filter(e -> Jobs.PHONE_HOME.equals(e.getJobInstance().getJobName()));
	}

	private static LocalDate night(JobExecution execution) {
		return NightParameters.nightOf(execution.getJobParameters());
	}

	private HistoryEntry entry(JobExecution execution) {
		NightRecord record = NightRecords.read(execution);
		NightRecord.SectionCounts counts = record.payload() == null ? null : record.payload().counts();
		NightRecord.Delivery delivery = record.delivery();
		return new HistoryEntry(record.date(), execution.getId(), record.runLabel(),
				instant(execution.getStartTime()), instant(execution.getEndTime()), execution.getStatus().name(),
				execution.getExitStatus().getExitCode(), counts == null ? null : counts.companies(),
				counts == null ? null : counts.teams(), counts == null ? null : counts.users(),
				counts == null ? null : counts.codeReviews(),
				record.decisions() == null ? "" : record.decisions().emails().included() ? "included" : "redacted",
				record.payload() == null ? "" : record.payload().file().sha256(),
				record.rerun() == null ? "" : nullToEmpty(record.rerun().previousSha256()),
				delivery == null ? "" : delivery.status().name(),
				delivery == null ? "" : nullToEmpty(delivery.deliveredAt()),
				record.audit() == null ? "" : record.audit().pdf().path().toString(),
				record.changes() == null ? "" : record.changes().summary(),
				approval(execution));
	}

	/** What the scope gate made of the night, and who decided: "held: ...", "approved by ..."; empty if ungated. */
	private static String approval(JobExecution execution) {
		dev.phonehome.record.NightApproval approval = NightRecords.readApproval(execution);
		return approval == null ? "" : approval.describe();
	}

	private static String nullToEmpty(String text) {
		return text == null ? "" : text;
	}

}
