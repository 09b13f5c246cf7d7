package dev.phonehome.dump;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How {@code phonehome import} stages a dump.
 *
 * @param chunkSize lines per chunk (one transaction and one JDBC batch per staging table each). Larger than the
 * night's chunks: a chunk's commit writes the store file (H2 {@code WRITE_DELAY=0}) and updates the job repository,
 * which at 1,000 lines cost more than the lines themselves; 10,000 parsed lines hold a few MB.
 */
@ConfigurationProperties("phonehome.import")
public record ImportProperties(@DefaultValue("10000") int chunkSize) {

	public ImportProperties {
		if (chunkSize < 1) {
			throw new IllegalArgumentException("phonehome.import.chunk-size must be at least 1, was " + chunkSize);
		}
	}

}
