package dev.phonehome.approval;

import java.time.Clock;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import dev.phonehome.delivery.Outbox;
import dev.phonehome.home.ArchiveCopies;
import dev.phonehome.record.NightRecordStore;
import dev.phonehome.verify.ChainStore;

/** What the approval feature gives the job (the gate's tasklet) and the commands and console (the service). */
@Configuration(proxyBeanMethods = false)
public class ApprovalConfiguration {

	@Bean
	Approvals approvals(JdbcTemplate jdbc, ApprovalProperties properties, NightRecordStore records,
			JobRepository jobRepository, Outbox outbox, ChainStore chain, PlatformTransactionManager transactionManager,
			Clock clock, ArchiveCopies copies) {
		return new Approvals(new ApprovalStore(jdbc), properties, records, jobRepository, outbox, chain,
				transactionManager, clock, copies);
	}

	@Bean
	ScopeGateTasklet scopeGateTasklet(Approvals approvals, NightRecordStore records) {
		return new ScopeGateTasklet(approvals, records);
	}

}
