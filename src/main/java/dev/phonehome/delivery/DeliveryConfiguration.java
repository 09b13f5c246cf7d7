package dev.phonehome.delivery;

import java.time.Clock;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import dev.phonehome.home.ArchiveCopies;
import dev.phonehome.record.NightRecordStore;
import dev.phonehome.settings.ServicesConfigLoader;

/** What the delivery feature gives {@code phoneHomeJob}: the outbox and the tasklet of its delivery step. */
@Configuration(proxyBeanMethods = false)
public class DeliveryConfiguration {

	@Bean
	Outbox outbox(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
		return new Outbox(jdbc, transactionManager, clock);
	}

	/**
	 * Queues the night, sends the backlog. Its step's transaction holds the senders' lock while it sends; each
	 * outbox change commits on its own, so a killed run leaves an exact record of what it did.
	 */
	@Bean
	DeliverPayloadTasklet deliverPayloadTasklet(JobRepository jobRepository,
			PlatformTransactionManager transactionManager, Outbox outbox, DeliveryProperties properties,
			NightRecordStore records, ServicesConfigLoader configs, ArchiveCopies copies) {
		BacklogSender backlogSender = new BacklogSender(outbox, new PhoneHomeSender(properties), properties, copies);
		DeliveryRecorder recorder = new DeliveryRecorder(outbox, jobRepository, records, transactionManager, copies);
		return new DeliverPayloadTasklet(outbox, backlogSender, recorder, records, configs);
	}

}
