package dev.phonehome.audit.content;

import java.nio.file.Path;
import java.time.LocalDate;

import dev.phonehome.record.NightRecord;

/**
 * Everything an audit is made from, and nothing else: the night's record as it stands when the audit is written
 * (its archived payload is the only other thing read), and the execution it is about. Usable inside the job (the
 * audit step) and outside it (writing or checking a night's audit again later).
 */
public record AuditInput(NightRecord record, long executionId) {

	/** The archived payload file; {@code null} when the night was skipped. */
	public Path payload() {
		return record.payload() == null ? null : record.payload().file().path();
	}

	public boolean skipped() {
		return record.skipped();
	}

	public LocalDate night() {
		return record.date();
	}

	public long windowStart() {
		return record.night().startMillis();
	}

	public long windowEnd() {
		return record.night().endMillis();
	}

	public NightRecord.Decisions decisions() {
		return record.decisions();
	}

	/** The run as named everywhere: nightly, manual, dry run, rerun n of D, restart (...), skipped (...). */
	public String runLabel() {
		return record.runLabel();
	}

	public String deliveryText() {
		return record.deliveryText();
	}

}
