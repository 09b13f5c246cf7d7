package dev.phonehome.delivery;

import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import dev.phonehome.failpoint.Failpoint;
import dev.phonehome.record.DeliveryStatus;
import dev.phonehome.record.NightParameters;
import dev.phonehome.record.NightRecord;
import dev.phonehome.record.NightRecordStore;
import dev.phonehome.record.RunMode;
import dev.phonehome.settings.ServicesConfig;
import dev.phonehome.settings.ServicesConfigLoader;

/**
 * {@code deliverPayloadStep}: queues this night's archived payload in the outbox, then sends every pending night,
 * oldest first. The step completes whatever the receiver does (the payload is archived and queued); the record says
 * whether this night was delivered, and {@code run} exits with its own code when it was not. A dry run or a rerun
 * is never queued or sent.
 */
public class DeliverPayloadTasklet implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(DeliverPayloadTasklet.class);

	private final Outbox outbox;

	private final BacklogSender backlogSender;

	private final DeliveryRecorder recorder;

	private final NightRecordStore records;

	private final ServicesConfigLoader configs;

	DeliverPayloadTasklet(Outbox outbox, BacklogSender backlogSender, DeliveryRecorder recorder,
			NightRecordStore records, ServicesConfigLoader configs) {
		this.outbox = outbox;
		this.backlogSender = backlogSender;
		this.recorder = recorder;
		this.records = records;
		this.configs = configs;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		JobExecution execution = chunkContext.getStepContext().getStepExecution().getJobExecution();
		NightRecord record = records.read(execution);
		if (record.mode() == RunMode.DRY_RUN) {
			records.save(execution, record.withDelivery(NightRecord.Delivery.notSent(DeliveryStatus.NOT_SENT_DRY_RUN)));
			return RepeatStatus.FINISHED;
		}
		if (record.mode() == RunMode.RERUN) {
			// the night was queued by its own run: sending the rerun too would send the night twice
			records.save(execution, record.withDelivery(NightRecord.Delivery.notSent(DeliveryStatus.NOT_SENT_RERUN)));
			return RepeatStatus.FINISHED;
		}
		LocalDate night = record.date();
		outbox.enqueue(night, execution.getId(), record.payload().file());
		Failpoint.DELIVER_AFTER_ENQUEUE.hit();

		NightParameters parameters = NightParameters.of(execution.getJobParameters());
		ServicesConfig config = configs.read(parameters.configLocation());
		var endpoint = PhoneHomeEndpoint.resolve(config, parameters.allowInsecureHttp());
		int owed;
		if (endpoint.usable()) {
			BacklogSender.Pass pass = backlogSender.sendPending(endpoint.endpoint(), execution.getId());
			log.info("night {}: {} night(s) delivered by this run, {} still queued, {} refused", night,
					pass.delivered(), pass.stillPending(), pass.refused());
			// a night the receiver refused is owed too: the run says so, so that someone looks at it
			owed = pass.stillPending() + pass.refused();
		}
		else {
			log.warn("night {}: archived and queued, not sent: {}", night, endpoint.refusal());
			owed = outbox.pendingCountUpTo(night);
		}
		recorder.recordDeliveries(execution);
		NightRecord.Delivery delivery = outbox.find(night).orElseThrow().delivery().withBacklogPending(owed);
		if (!endpoint.usable()) {
			delivery = delivery.withProblem(DeliveryStatus.NOT_CONFIGURED, endpoint.refusal());
		}
		records.save(execution, records.read(execution).withDelivery(delivery));
		Failpoint.DELIVER_BEFORE_COMMIT.hit();
		return RepeatStatus.FINISHED;
	}

}
