package dev.phonehome.audit.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfFileSpecification;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;

import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.classic.ClassicPdfProducer;
import net.sf.jasperreports.pdf.common.PdfProducer;

/**
 * Jasper's PDF exporter, plus PDF/A-3 associated files: just before the document closes, each attachment is
 * embedded (streamed from its file, deflated) with its MIME type, modification date and {@code AFRelationship},
 * listed in the catalog's {@code EmbeddedFiles} name tree (what {@code pdfdetach} and readers show) and in its
 * {@code AF} array (what PDF/A-3 requires).
 */
final class AttachingPdfExporter extends JRPdfExporter {

	private static final PdfName AF = new PdfName("AF");

	private static final PdfName AF_RELATIONSHIP = new PdfName("AFRelationship");

	private static final PdfName UF = new PdfName("UF");

	private final List<AuditAttachment> attachments;

	AttachingPdfExporter(List<AuditAttachment> attachments) {
		this.attachments = List.copyOf(attachments);
	}

	@Override
	protected PdfProducer createPdfProducer() {
		return new ClassicPdfProducer(createPdfProducerContext()) {

			@Override
			public void close() {
				if (!attachments.isEmpty()) {
					attach(getPdfWriter());
				}
				super.close();
			}

		};
	}

	private void attach(PdfWriter writer) {
		PdfArray associated = new PdfArray();
		for (AuditAttachment attachment : attachments) {
			try {
				PdfDictionary parameters = new PdfDictionary();
				parameters.put(PdfName.MODDATE, new PdfDate());
				PdfFileSpecification spec = PdfFileSpecification.fileEmbedded(writer,
						attachment.file().toString(), attachment.name(), null, true, attachment.mimeType(),
						parameters);
				spec.put(UF, new PdfString(attachment.name(), PdfObject.TEXT_UNICODE));
				spec.put(AF_RELATIONSHIP, new PdfName(attachment.relationship()));
				spec.put(PdfName.DESC, new PdfString(attachment.description(), PdfObject.TEXT_UNICODE));
				// null: the name-tree key is the description set above (a name given here would replace it)
				writer.addFileAttachment(null, spec);
				associated.add(spec.getReference());
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot embed " + attachment.name() + " in the audit PDF", ex);
			}
		}
		writer.getExtraCatalog().put(AF, associated);
	}

}
