package dev.phonehome.changes;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import dev.phonehome.artefact.Artefact;
import dev.phonehome.failpoint.Failpoint;
import dev.phonehome.history.ArchivedPayload;
import dev.phonehome.history.NightHistory;
import dev.phonehome.home.ArchiveCopies;
import dev.phonehome.record.NightRecord;
import dev.phonehome.record.NightRecordStore;

/**
 * {@code compareNightStep}: compares the payload just archived with the payload of the latest earlier night that
 * was (or will be) sent, as one streaming merge of the two files, and saves the counts and digests in the night's
 * record (never an address: the lists are made again from the same two files by the audit, and checked against the
 * recorded digest). It only reads files and saves the record in the step's transaction, so a process killed
 * anywhere in it leaves nothing behind, and the restarted step simply compares again.
 */
public class CompareNightTasklet implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(CompareNightTasklet.class);

	private final NightHistory history;

	private final NightRecordStore records;

	private final ArchiveCopies copies;

	public CompareNightTasklet(NightHistory history, NightRecordStore records, ArchiveCopies copies) {
		this.history = history;
		this.records = records;
		this.copies = copies;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		JobExecution execution = chunkContext.getStepContext().getStepExecution().getJobExecution();
		NightRecord record = records.read(execution);
		if (record.payload() == null) {
			throw new IllegalStateException("night " + record.date() + " has no archived payload to compare");
		}
		// a baseline archived by another node sharing the database is read from this node's copy of it
		NightRecord.Changes changes = compare(record.date(), record.payload().file(),
				history.sentPayloadBefore(record.date()).map(this::onThisNode));
		records.save(execution, record.withChanges(changes));
		Failpoint.COMPARE_BEFORE_COMMIT.hit();
		log.info("night {}: changes {}", record.date(), changes.summary());
		return RepeatStatus.FINISHED;
	}

	private ArchivedPayload onThisNode(ArchivedPayload baseline) {
		try {
			return baseline.onThisNode(copies);
		}
		catch (IllegalStateException ex) {
			// a database copy that no longer matches its record is not restored: compare() then says "not compared"
			return baseline;
		}
	}

	/** The night's changes against {@code baseline}; without one (the first night), says so. */
	static NightRecord.Changes compare(LocalDate night, Artefact payload, Optional<ArchivedPayload> baseline) {
		if (baseline.isEmpty()) {
			return withoutBaseline("first night: no earlier night was sent to compare with", null);
		}
		ArchivedPayload before = baseline.get();
		Artefact beforeFile = new Artefact(before.path(), -1, before.sha256());
		java.nio.file.Path beforePath;
		try {
			beforePath = before.intactPath();
		}
		catch (ArchivedPayload.AlteredPayloadException ex) {
			// the night still goes out; the change report says why it could not be made
			return withoutBaseline("not compared: " + ex.getMessage(), beforeFile);
		}
		NightChanges changes = NightComparison.compare(payload.path(), beforePath, ChangeListener.NONE);
		String note = changes.consecutive() ? null
				: "after a gap: " + changes.nightsBetween() + " night(s) between " + before.night() + " and " + night
						+ " were not sent";
		return of(changes, before.executionId(), beforeFile, note);
	}

	/** The record's part of {@code changes}: counts and digests only. */
	static NightRecord.Changes of(NightChanges changes, Long baselineExecution, Artefact baselineFile, String note) {
		Map<String, NightRecord.ChangeCounts> sections = new LinkedHashMap<>();
		for (SectionChanges s : changes.sections()) {
			sections.put(s.section(), new NightRecord.ChangeCounts(s.added(), s.removed(), s.changed(), s.unchanged()));
		}
		long activity = changes.sections().stream().mapToLong(SectionChanges::activityChanged).sum();
		return new NightRecord.Changes(changes.baselineNight(), baselineExecution, baselineFile, changes.oneLine(),
				note, sections, activity, changes.emails().firstTimeSent(), changes.decision().emailsIncludedBefore(),
				changes.integrationsAdded(), changes.integrationsRemoved(), changes.sha256());
	}

	private static NightRecord.Changes withoutBaseline(String summary, Artefact baselineFile) {
		return new NightRecord.Changes(null, null, baselineFile, summary, summary, Map.of(), 0, 0, null, List.of(),
				List.of(), null);
	}

}
