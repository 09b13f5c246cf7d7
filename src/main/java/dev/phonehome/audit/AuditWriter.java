package dev.phonehome.audit;

import java.nio.file.Path;
import java.time.Instant;

import dev.phonehome.artefact.Artefact;
import dev.phonehome.artefact.ArtefactWriter;
import dev.phonehome.audit.csv.AuditCsvWriter;
import dev.phonehome.audit.pdf.AuditPdfRenderer;

/**
 * Writes a night's audit, {@code audit.csv} then {@code audit.pdf}, into a folder (beside the payload), each
 * atomically. Callable inside the job (the audit step) and outside it (writing the audit again after a later
 * delivery, or checking a night), since it needs only an {@link AuditInput}.
 */
public class AuditWriter {

	public static final String PDF_FILE = "audit.pdf";

	public static final String CSV_FILE = "audit.csv";

	private final AuditPdfRenderer pdfRenderer = new AuditPdfRenderer();

	public AuditArtefacts write(AuditInput input, Path directory, Instant generatedAt) {
		PayloadTally[] tally = new PayloadTally[1];
		Artefact csv = ArtefactWriter.write(directory.resolve(CSV_FILE),
				out -> tally[0] = AuditCsvWriter.write(input, out));
		Artefact pdf = ArtefactWriter.write(directory.resolve(PDF_FILE),
				out -> pdfRenderer.render(input, tally[0], generatedAt, out));
		return new AuditArtefacts(pdf, csv);
	}

}
