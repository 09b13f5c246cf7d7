package dev.phonehome.delivery;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.phonehome.artefact.ArtefactWriter;
import dev.phonehome.home.ArchiveCopies;
import dev.phonehome.record.DeliveryStatus;
import dev.phonehome.record.NightRecord;
import dev.phonehome.record.NightRecordStore;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells each delivered night's execution that it was delivered: its facts in the job repository, and, when a
 * later run delivered it, a {@value #ADDENDUM} beside its archived payload (its audit was written while it was
 * still pending, and stays as written). Repeats safely after a crash: a night is marked recorded last.
 */
class DeliveryRecorder {

	static final String ADDENDUM = "delivery-addendum.json";

	private static final Logger log = LoggerFactory.getLogger(DeliveryRecorder.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Outbox outbox;

	private final JobRepository jobRepository;

	private final NightRecordStore records;

	private final TransactionTemplate ownTransaction;

	private final ArchiveCopies copies;

	DeliveryRecorder(Outbox outbox, JobRepository jobRepository, NightRecordStore records,
			PlatformTransactionManager transactionManager, ArchiveCopies copies) {
		this.outbox = outbox;
		this.copies = copies;
		this.jobRepository = jobRepository;
		this.records = records;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	void recordDeliveries(JobExecution current) {
		for (OutboxEntry entry : outbox.settledUnrecorded()) {
			// the facts and the outbox's "recorded" mark commit together
			ownTransaction.executeWithoutResult(status -> record(entry, current));
		}
	}

	private void record(OutboxEntry entry, JobExecution current) {
		if (entry.executionId() == current.getId()) {
			updateDelivery(current, entry);
		}
		else {
			JobExecution earlier = jobRepository.getJobExecution(entry.executionId());
			if (earlier != null) {
				updateDelivery(earlier, entry);
			}
			if (entry.delivered() && !java.util.Objects.equals(entry.deliveredBy(), entry.executionId())) {
				writeAddendum(entry);
			}
			log.info("night {}: delivered by execution {}; execution {} updated, {} written", entry.night(),
					entry.deliveredBy(), entry.executionId(), ADDENDUM);
		}
		outbox.markRecorded(entry.night());
	}

	/** The execution's delivery as the outbox now has it; what it saw of the backlog stays as it was. */
	private void updateDelivery(JobExecution execution, OutboxEntry entry) {
		NightRecord record = records.read(execution);
		int backlog = record.delivery() == null ? 0 : record.delivery().backlogPending();
		records.save(execution, record.withDelivery(entry.delivery().withBacklogPending(backlog)));
	}

	private void writeAddendum(OutboxEntry entry) {
		Map<String, Object> addendum = new LinkedHashMap<>();
		addendum.put("night", entry.night().toString());
		addendum.put("status", DeliveryStatus.DELIVERED.name());
		addendum.put("deliveredAt", entry.deliveredAt().toString());
		addendum.put("httpStatus", entry.lastHttpStatus());
		addendum.put("attempts", entry.attempts());
		addendum.put("idempotencyKey", entry.idempotencyKey());
		addendum.put("payloadSha256", entry.payloadSha256());
		addendum.put("archivedByExecution", entry.executionId());
		addendum.put("deliveredByExecution", entry.deliveredBy());
		addendum.put("note", "This night was delivered by a later run. Its audit, written when it was archived, "
				+ "states the delivery status known then; this file states what happened since.");
		byte[] json = (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(addendum) + "\n")
			.getBytes(StandardCharsets.UTF_8);
		// beside the payload where this node keeps it (the night may have been archived by another node)
		ArtefactWriter.write(copies.local(entry.payload()).getParent().resolve(ADDENDUM), out -> out.write(json));
	}

}
