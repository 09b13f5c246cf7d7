package dev.phonehome.delivery;

import java.nio.file.Path;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import dev.phonehome.artefact.Artefact;
import dev.phonehome.job.NightFacts;
import dev.phonehome.job.NightParameters;
import dev.phonehome.job.RunMode;
import dev.phonehome.settings.ServicesConfig;
import dev.phonehome.settings.ServicesConfigLoader;

/**
 * {@code deliverPayloadStep}: queues this night's archived payload in the outbox, then sends every pending night,
 * oldest first. The step completes whatever the receiver does (the payload is archived and queued); the facts say
 * whether this night was delivered, and {@code run} exits with its own code when it was not. A dry run or a rerun
 * is never queued or sent.
 */
class DeliverPayloadTasklet implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(DeliverPayloadTasklet.class);

	private final Outbox outbox;

	private final BacklogSender backlogSender;

	private final DeliveryRecorder recorder;

	private final ServicesConfigLoader configs;

	DeliverPayloadTasklet(Outbox outbox, BacklogSender backlogSender, DeliveryRecorder recorder,
			ServicesConfigLoader configs) {
		this.outbox = outbox;
		this.backlogSender = backlogSender;
		this.recorder = recorder;
		this.configs = configs;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		JobExecution execution = chunkContext.getStepContext().getStepExecution().getJobExecution();
		ExecutionContext facts = execution.getExecutionContext();
		var parameters = execution.getJobParameters();
		if (RunMode.DRY_RUN.name().equals(parameters.getString(NightParameters.RUN_MODE))) {
			facts.putString(NightFacts.DELIVERY_STATUS, DeliveryStatus.NOT_SENT_DRY_RUN.name());
			return RepeatStatus.FINISHED;
		}
		if (RunMode.RERUN.name().equals(parameters.getString(NightParameters.RUN_MODE))) {
			// the night was queued by its own run: sending the rerun too would send the night twice
			facts.putString(NightFacts.DELIVERY_STATUS, DeliveryStatus.NOT_SENT_RERUN.name());
			return RepeatStatus.FINISHED;
		}
		LocalDate night = LocalDate.parse(facts.getString(NightFacts.NIGHT));
		outbox.enqueue(night, execution.getId(), new Artefact(Path.of(facts.getString(NightFacts.PAYLOAD_PATH)),
				facts.getLong(NightFacts.PAYLOAD_SIZE), facts.getString(NightFacts.PAYLOAD_SHA256)));

		ServicesConfig config = configs.read(parameters.getString(NightParameters.CONFIG_FILE));
		var endpoint = PhoneHomeEndpoint.resolve(config, DeliveryParameters.insecureHttpAllowed(parameters));
		int owed;
		if (endpoint.usable()) {
			BacklogSender.Pass pass = backlogSender.sendPending(endpoint.endpoint(), execution.getId());
			log.info("night {}: {} night(s) delivered by this run, {} still queued", night, pass.delivered(),
					pass.stillPending());
			owed = pass.stillPending();
		}
		else {
			log.warn("night {}: archived and queued, not sent: {}", night, endpoint.refusal());
			owed = outbox.pendingCountUpTo(night);
		}
		recorder.recordDeliveries(execution);
		OutboxEntry entry = outbox.find(night).orElseThrow();
		DeliveryFacts.putEntry(facts, entry);
		if (!endpoint.usable()) {
			facts.putString(NightFacts.DELIVERY_STATUS, DeliveryStatus.NOT_CONFIGURED.name());
			facts.putString(DeliveryFacts.DELIVERY_PROBLEM, endpoint.refusal());
		}
		facts.putInt(DeliveryFacts.BACKLOG_PENDING, owed);
		return RepeatStatus.FINISHED;
	}

}
