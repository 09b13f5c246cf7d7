package dev.phonehome.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import dev.phonehome.artefact.Artefact;
import dev.phonehome.artefact.ArtefactWriter;
import dev.phonehome.delivery.Outbox;
import dev.phonehome.delivery.OutboxEntry;
import dev.phonehome.delivery.RequestBody;
import dev.phonehome.home.ArchiveCopies;
import dev.phonehome.record.ExportParameters;
import dev.phonehome.record.ExportRecord;
import dev.phonehome.record.NightRecords;

/**
 * {@code exportNightStep}: writes the request body of the night as it goes (or went) out: the payload the night's
 * own run queued, in the set it is fixed to, under that set's {@code Idempotency-Key}. The set is fixed first, so
 * a later delivery sends the same body under the same key and the receiver can drop the repeat of an upload by
 * hand. Every payload is checked against its digest before a byte is written.
 */
class ExportNightTasklet implements Tasklet {

	private final Outbox outbox;

	private final ArchiveCopies copies;

	ExportNightTasklet(Outbox outbox, ArchiveCopies copies) {
		this.outbox = outbox;
		this.copies = copies;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		JobExecution export = chunkContext.getStepContext().getStepExecution().getJobExecution();
		ExportParameters parameters = ExportParameters.of(export.getJobParameters());
		LocalDate night = parameters.night();
		if (Files.exists(parameters.out())) {
			throw new ExportJobConfiguration.NothingToExportException(parameters.out() + " already exists; export never overwrites a file: "
					+ "choose another --out");
		}
		Outbox.ExportSet set = outbox.fixForExport(night)
			.orElseThrow(() -> new ExportJobConfiguration.NothingToExportException("night " + night + " was never queued for delivery "
					+ "(skipped, failed or never run; dry runs and reruns are never sent, so never exported); see "
					+ "'history'"));
		List<Path> payloads = new java.util.ArrayList<>();
		for (OutboxEntry member : set.members()) {
			// archived by any node: read from this node's copy (restored from the database when missing here)
			Path local = copies.available(member.payload()).orElse(member.payloadPath());
			Artefact now = Files.isRegularFile(local) ? ArtefactWriter.describe(local) : null;
			if (now == null || !now.sha256().equals(member.payloadSha256())) {
				throw new IllegalStateException("the archived payload " + local + " of night "
						+ member.night() + (now == null ? " is missing" : " no longer matches its record (sha256 "
								+ member.payloadSha256() + ")") + "; run 'verify' and restore it before exporting");
			}
			payloads.add(local);
		}
		Artefact body = ArtefactWriter.write(parameters.out(), out -> RequestBody.write(payloads, out));
		OutboxEntry own = set.members().stream().filter(m -> m.night().equals(night)).findFirst().orElseThrow();
		NightRecords.writeExport(new ExportRecord(night, own.executionId(), own.payloadSha256(), body,
				set.idempotencyKey(), set.members().stream().map(OutboxEntry::night).toList()),
				export.getExecutionContext());
		return RepeatStatus.FINISHED;
	}

}
