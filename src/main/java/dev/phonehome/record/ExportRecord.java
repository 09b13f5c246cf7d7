package dev.phonehome.record;

import java.time.LocalDate;

import dev.phonehome.artefact.Artefact;

/**
 * What one {@code export} wrote: a night's request body for an upload by hand.
 *
 * @param sourceExecution the execution whose archived payload the body holds
 * @param payloadSha256 that payload's SHA-256, as recorded when it was archived
 * @param body the request body written ({@code [payload]})
 * @param idempotencyKey the {@code Idempotency-Key} to upload it with, the same any later delivery of the night uses
 * @param bodyNights the nights the body holds, oldest first: the night alone, or the set it was already sent in
 */
public record ExportRecord(LocalDate night, long sourceExecution, String payloadSha256, Artefact body,
		String idempotencyKey, java.util.List<LocalDate> bodyNights) {

	public ExportRecord {
		bodyNights = java.util.List.copyOf(bodyNights);
	}

}
