package dev.phonehome.audit;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.phonehome.home.ArchiveCopies;
import dev.phonehome.home.NightWorkspace;
import dev.phonehome.record.NightRecordStore;

/** What the audit feature gives {@code phoneHomeJob}: the tasklet of its audit step, and the warm-up that readies it while the
 * payload is collected. */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

	@Bean
	AuditWriter auditWriter(AuditProperties properties) {
		return new AuditWriter(properties);
	}

	@Bean
	AuditWarmUp auditWarmUp() {
		return new AuditWarmUp();
	}

	@Bean
	WriteAuditTasklet writeAuditTasklet(AuditWriter auditWriter, NightWorkspace workspace, NightRecordStore records,
			Clock clock, ArchiveCopies copies) {
		return new WriteAuditTasklet(auditWriter, workspace, records, clock, copies);
	}

}
