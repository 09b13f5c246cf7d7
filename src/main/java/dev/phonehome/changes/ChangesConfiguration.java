package dev.phonehome.changes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.phonehome.history.NightHistory;
import dev.phonehome.home.ArchiveCopies;
import dev.phonehome.record.NightRecordStore;

/** What the changes feature gives {@code phoneHomeJob}: the tasklet of its compare step. */
@Configuration(proxyBeanMethods = false)
public class ChangesConfiguration {

	@Bean
	CompareNightTasklet compareNightTasklet(NightHistory history, NightRecordStore records, ArchiveCopies copies) {
		return new CompareNightTasklet(history, records, copies);
	}

}
