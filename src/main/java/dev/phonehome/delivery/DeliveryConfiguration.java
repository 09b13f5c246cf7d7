package dev.phonehome.delivery;

import java.time.Clock;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import dev.phonehome.settings.ServicesConfigLoader;

/** The delivery step of {@code phoneHomeJob} and what it needs. */
@Configuration(proxyBeanMethods = false)
public class DeliveryConfiguration {

	@Bean
	Outbox outbox(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
		return new Outbox(jdbc, transactionManager, clock);
	}

	@Bean
	NightLock nightLock(javax.sql.DataSource dataSource) {
		return new NightLock(dataSource);
	}

	/**
	 * step 7: queue the night, send the backlog. Its transaction holds the senders' lock while it sends; each
	 * outbox change commits on its own, so a killed run leaves an exact record of what it did.
	 */
	@Bean
	Step deliverPayloadStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, Outbox outbox,
			DeliveryProperties properties, ServicesConfigLoader configs) {
		BacklogSender backlogSender = new BacklogSender(outbox, new PhoneHomeSender(properties), properties);
		DeliveryRecorder recorder = new DeliveryRecorder(outbox, jobRepository, transactionManager);
		return new StepBuilder("deliverPayloadStep", jobRepository)
			.tasklet(new DeliverPayloadTasklet(outbox, backlogSender, recorder, configs), transactionManager)
			.build();
	}

}
