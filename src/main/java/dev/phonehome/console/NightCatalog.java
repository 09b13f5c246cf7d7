package dev.phonehome.console;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

import dev.phonehome.history.HistoryEntry;
import dev.phonehome.history.NightHistory;

/**
 * The nights as the console lists them: one row per night and execution of the phone-home job, from the job
 * repository through {@link NightHistory}, newest first.
 */
@Component
@ConsoleOnly
public class NightCatalog {

	private final NightHistory history;

	private final ArchiveChecks checks;

	public NightCatalog(NightHistory history, ArchiveChecks checks) {
		this.history = history;
		this.checks = checks;
	}

	/** A row of the Nights page. */
	public record Row(HistoryEntry entry, ArchiveChecks.State verify) {
	}

	/** The executions of nights in {@code [from, to]} (either may be null) with {@code status} (null: any). */
	public PageOf<Row> rows(LocalDate from, LocalDate to, String status, int page, int size) {
		List<HistoryEntry> entries = entries(from, to).stream()
			.filter(e -> status == null || status.isBlank() || e.status().equals(status))
			.toList();
		PageOf<HistoryEntry> shown = PageOf.of(entries, page, size);
		Map<Long, JobExecution> executions = history.executions()
			.stream()
			.collect(Collectors.toMap(JobExecution::getId, Function.identity()));
		List<Row> rows = shown.items()
			.stream()
			.map(e -> new Row(e, checks.state(executions.get(e.executionId()))))
			.toList();
		return new PageOf<>(rows, shown.page(), shown.size(), shown.total(), shown.hasNext());
	}

	/** The phone-home job's executions of nights in the period, newest first (exports are listed by the CLI). */
	public List<HistoryEntry> entries(LocalDate from, LocalDate to) {
		return history.entries(from, to)
			.stream()
			.filter(e -> !e.mode().startsWith("export"))
			.sorted(Comparator.comparingLong(HistoryEntry::executionId).reversed())
			.toList();
	}

	/** The execution, which must be one of {@code night}'s; otherwise a 404 that says what exists. */
	public JobExecution execution(LocalDate night, long executionId) {
		JobExecution execution = history.execution(executionId)
			.orElseThrow(() -> ConsoleProblem
				.notFound("there is no execution " + executionId + " of the phone-home job (see Nights)"));
		LocalDate itsNight = NightView.of(execution).night();
		if (!night.equals(itsNight)) {
			throw ConsoleProblem.notFound("execution " + executionId + " ran the night " + itsNight + ", not " + night);
		}
		return execution;
	}

	public HistoryEntry entry(long executionId) {
		return history.entries(null, null)
			.stream()
			.filter(e -> e.executionId() == executionId)
			.findFirst()
			.orElseThrow(() -> ConsoleProblem.notFound("there is no execution " + executionId));
	}

	/** Every execution of the night, newest first; a 404 when the job repository has none. */
	public List<HistoryEntry> executionsOf(LocalDate night) {
		List<HistoryEntry> entries = entries(night, night);
		if (entries.isEmpty()) {
			throw ConsoleProblem.notFound("no execution of the night " + night + " is recorded (see Nights)");
		}
		return entries;
	}

	/** Every execution of the phone-home job, oldest first. */
	public List<JobExecution> executions() {
		return history.executions();
	}

}
