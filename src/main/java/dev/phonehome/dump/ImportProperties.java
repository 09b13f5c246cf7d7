package dev.phonehome.dump;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How {@code phonehome import} stages a dump.
 *
 * @param chunkSize lines per chunk (one transaction and one JDBC batch per staging table each); 10,000 parsed lines
 * hold a few MB. Measured at M (BENCHMARKS.md, 2026-12-03): 1,000 and 10,000 cost the same CPU within the noise;
 * the larger writes the job repository ten times less often.
 */
@ConfigurationProperties("phonehome.import")
public record ImportProperties(@DefaultValue("10000") int chunkSize) {

	public ImportProperties {
		if (chunkSize < 1) {
			throw new IllegalArgumentException("phonehome.import.chunk-size must be at least 1, was " + chunkSize);
		}
	}

}
