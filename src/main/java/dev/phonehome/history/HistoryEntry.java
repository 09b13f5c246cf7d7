package dev.phonehome.history;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One execution of a night, as the job repository recorded it.
 *
 * @param mode the run as named everywhere (see {@code NightRecord.runLabel}), or "export (payload of execution n)"
 * @param emails {@code included}, {@code redacted}, or empty when the night never got that far
 * @param previousSha256 for a rerun: the payload SHA-256 of the night's last completed execution before it
 * @param auditPdf where the execution's audit is (its CSV is beside it)
 * @param changes what changed since the night sent before it, in one line; empty when not compared (skipped,
 * failed before, an export)
 * @param approval what the scope gate made of the night (passed, held and why, approved or rejected by whom)
 */
public record HistoryEntry(LocalDate night, long executionId, String mode, Instant started, Instant ended,
		String status, String exitCode, Long companies, Long teams, Long users, Long codeReviews, String emails,
		String payloadSha256, String previousSha256, String deliveryStatus, String deliveryTime, String auditPdf,
		String changes, String approval) {
}
