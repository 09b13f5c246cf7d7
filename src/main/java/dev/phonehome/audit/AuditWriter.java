package dev.phonehome.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import dev.phonehome.artefact.Artefact;
import dev.phonehome.artefact.ArtefactWriter;
import dev.phonehome.audit.content.AuditChanges;
import dev.phonehome.audit.content.AuditInput;
import dev.phonehome.audit.content.PayloadTally;
import dev.phonehome.audit.csv.AuditCsvWriter;
import dev.phonehome.audit.pdf.AuditAttachment;
import dev.phonehome.audit.pdf.AuditPdfRenderer;
import dev.phonehome.failpoint.Failpoint;

/**
 * Writes a night's audit, {@code audit.csv} and {@code audit.pdf} at the same time, into a folder (beside the
 * payload), each atomically; the PDF embeds the CSV and, up to {@code phonehome.audit.embed-payload-max}, the archived payload. Callable inside the job (the audit step) and outside it (writing the audit again after a later
 * delivery, or checking a night), since it needs only an {@link AuditInput}.
 */
public class AuditWriter {

	public static final String PDF_FILE = "audit.pdf";

	public static final String CSV_FILE = "audit.csv";

	private final AuditPdfRenderer pdfRenderer = new AuditPdfRenderer();

	private final AuditProperties properties;

	public AuditWriter(AuditProperties properties) {
		this.properties = properties;
	}

	public AuditWriter() {
		this(AuditProperties.defaults());
	}

	/** Writes the audit, spooling the night's change lists in a private temporary folder. */
	public AuditArtefacts write(AuditInput input, Path directory, Instant generatedAt) {
		Path spool;
		try {
			// owner-only on POSIX: the lists may hold addresses
			spool = Files.createTempDirectory("phonehome-audit-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot create a temporary folder: " + ex.getMessage(), ex);
		}
		try {
			return write(input, directory, spool, generatedAt);
		}
		finally {
			try {
				Files.deleteIfExists(spool);
			}
			catch (IOException ex) {
				// an empty private folder left in the temporary directory
			}
		}
	}

	/**
	 * Writes the audit; the night's change lists are spooled in {@code spoolFolder} (private to the night, e.g. its
	 * work folder) and deleted before this returns. The payload is tallied first (the PDF's cover starts with it);
	 * then {@code audit.csv} is written on a thread of its own while {@code audit.pdf} is filled and exported, both
	 * from the archived bytes, and the PDF waits for the CSV only to embed it, as it closes.
	 */
	public AuditArtefacts write(AuditInput input, Path directory, Path spoolFolder, Instant generatedAt) {
		try (AuditChanges changes = AuditChanges.of(input, spoolFolder)) {
			PayloadTally tally = PayloadTally.of(input);
			ExecutorService csvThread = Executors.newSingleThreadExecutor(CSV_THREAD);
			try {
				Future<Artefact> csv = csvThread.submit(() -> ArtefactWriter.write(directory.resolve(CSV_FILE),
						out -> AuditCsvWriter.write(input, changes, out)));
				List<AuditAttachment> attachments = new ArrayList<>();
				if (input.payload() != null
						&& input.record().payload().file().size() <= properties.embedPayloadMax().toBytes()) {
					attachments.add(AuditAttachment.payload(input.payload()));
				}
				attachments.add(AuditAttachment.csv(directory.resolve(CSV_FILE)));
				Artefact pdf = ArtefactWriter.write(directory.resolve(PDF_FILE),
						out -> pdfRenderer.render(input, tally, changes, generatedAt, attachments, () -> {
							await(csv);
							Failpoint.AUDIT_BETWEEN_DOCUMENTS.hit();
						}, out));
				return new AuditArtefacts(pdf, await(csv));
			}
			finally {
				// a PDF that failed leaves the CSV to finish (or fail) before the change lists it reads are deleted
				csvThread.shutdown();
				awaitQuietly(csvThread);
			}
		}
	}

	private static Artefact await(Future<Artefact> csv) {
		try {
			return csv.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while audit.csv was written", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException("cannot write audit.csv: " + ex.getCause().getMessage(), ex.getCause());
		}
	}

	private static void awaitQuietly(ExecutorService csvThread) {
		try {
			csvThread.awaitTermination(1, TimeUnit.HOURS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static final ThreadFactory CSV_THREAD = task -> {
		Thread thread = new Thread(task, "audit-csv");
		thread.setDaemon(true);
		return thread;
	};

}
