package dev.phonehome.history;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.batch.core.job.JobExecution;

import dev.phonehome.artefact.ArtefactWriter;
import dev.phonehome.home.ArchiveCopies;
import dev.phonehome.record.NightRecord;
import dev.phonehome.record.NightRecords;

/**
 * A payload a night's execution archived, as the job repository recorded it: what {@code export} sends by hand
 * and what {@code diff} compares.
 *
 * @param executionId the execution that archived it
 * @param sha256 the digest recorded when it was archived (the file is checked against it before it is read)
 */
public record ArchivedPayload(LocalDate night, long executionId, Path path, String sha256) {

	/** The payload {@code execution} archived; empty when it archived none (skipped, or failed before). */
	static Optional<ArchivedPayload> of(JobExecution execution) {
		NightRecord record = NightRecords.read(execution);
		return Optional.ofNullable(record.payload())
			.map(payload -> new ArchivedPayload(record.date(), execution.getId(), payload.file().path(),
					payload.file().sha256()));
	}

	/**
	 * The same payload where this node keeps it: a night archived by another node sharing the database is read
	 * from this node's copy, restored from the database when missing (its digest checked first).
	 */
	public ArchivedPayload onThisNode(ArchiveCopies copies) {
		return copies.available(path, sha256).map(local -> new ArchivedPayload(night, executionId, local, sha256))
			.orElse(this);
	}

	/**
	 * The file, once its bytes are shown to be the ones archived: nothing is ever made from a payload that was
	 * altered, lost or replaced since.
	 */
	public Path intactPath() {
		String actual;
		try {
			actual = ArtefactWriter.describe(path).sha256();
		}
		catch (UncheckedIOException ex) {
			throw new AlteredPayloadException(this, "cannot be read (" + ex.getCause().getMessage() + ")");
		}
		if (!actual.equals(sha256)) {
			throw new AlteredPayloadException(this, "no longer matches its record (sha256 " + sha256 + ")");
		}
		return path;
	}

	/** The archived payload is missing or no longer the one recorded. */
	public static class AlteredPayloadException extends RuntimeException {

		AlteredPayloadException(ArchivedPayload payload, String what) {
			super("the archived payload " + payload.path() + " of night " + payload.night() + " (execution "
					+ payload.executionId() + ") " + what + "; run 'verify' and restore it from a backup");
		}

	}

}
