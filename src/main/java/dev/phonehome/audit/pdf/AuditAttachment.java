package dev.phonehome.audit.pdf;

import java.nio.file.Path;

/**
 * A file embedded in {@code audit.pdf} as a PDF/A-3 associated file: its name in the PDF, MIME type, and
 * {@code AFRelationship} ({@code Source}: what the document was made from; {@code Data}: its tables as data).
 */
public record AuditAttachment(Path file, String name, String mimeType, String relationship, String description) {

	public static AuditAttachment payload(Path file) {
		return new AuditAttachment(file, "payload.json", "application/json", "Source",
				"The archived payload this audit describes, byte for byte");
	}

	public static AuditAttachment csv(Path file) {
		return new AuditAttachment(file, "audit.csv", "text/csv", "Data",
				"Every item of the payload, one row each (the audit's tables as CSV)");
	}

}
