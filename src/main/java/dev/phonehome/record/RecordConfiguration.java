package dev.phonehome.record;

import org.springframework.batch.core.repository.ExecutionContextSerializer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.dao.JacksonExecutionContextStringSerializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The job repository is the durable history compliance reviews. Its execution contexts are stored as readable
 * JSON (Batch's default is base64 Java serialization), so an auditor can read a night's record with plain SQL,
 * and a scan can prove no address or secret is there.
 */
@Configuration(proxyBeanMethods = false)
class RecordConfiguration {

	@Bean
	ExecutionContextSerializer executionContextSerializer() {
		return new JacksonExecutionContextStringSerializer();
	}

	@Bean
	NightRecordStore nightRecordStore(JobRepository jobRepository) {
		return new NightRecordStore(jobRepository);
	}

}
