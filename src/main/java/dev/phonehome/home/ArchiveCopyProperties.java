package dev.phonehome.home;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The database copy of the archive ({@link ArchiveCopies}).
 *
 * @param databaseCopies store every archived artefact in the database too (on under the postgres profile: nodes
 * with their own homes then share the archive)
 * @param chunkSize the bytes of one stored row of a copy (one such chunk is in memory at a time)
 */
@ConfigurationProperties("phonehome.archive")
public record ArchiveCopyProperties(@DefaultValue("false") boolean databaseCopies,
		@DefaultValue("1MB") DataSize chunkSize) {
}
