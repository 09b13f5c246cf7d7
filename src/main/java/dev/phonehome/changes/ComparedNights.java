package dev.phonehome.changes;

import java.time.LocalDate;

/**
 * Which archived nights a report compares, as its caller chose them.
 *
 * @param executionId the execution whose archived payload is tonight's
 * @param against the baseline night; {@code null} when there is none
 * @param againstExecutionId the execution whose archived payload is the baseline; {@code null} when there is none
 * @param note what the reader must know about the choice (a gap, nights in between), or {@code null}
 */
public record ComparedNights(LocalDate night, long executionId, LocalDate against, Long againstExecutionId,
		String note) {
}
