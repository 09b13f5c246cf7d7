package dev.phonehome.audit.pdf;

import java.awt.font.TextAttribute;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.AttributedCharacterIterator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;

import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfFileSpecification;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;

import net.sf.jasperreports.engine.JRPrintText;
import net.sf.jasperreports.engine.JRStyle;
import net.sf.jasperreports.engine.fonts.FontUtil;
import net.sf.jasperreports.engine.type.HorizontalTextAlignEnum;
import net.sf.jasperreports.engine.type.ModeEnum;
import net.sf.jasperreports.engine.type.RotationEnum;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.classic.ClassicPdfProducer;
import net.sf.jasperreports.pdf.common.PdfProducer;

/**
 * Jasper's PDF exporter, plus PDF/A-3 associated files: just before the document closes, each attachment is
 * embedded (streamed from its file, deflated) with its MIME type, modification date and {@code AFRelationship},
 * listed in the catalog's {@code EmbeddedFiles} name tree (what {@code pdfdetach} and readers show) and in its
 * {@code AF} array (what PDF/A-3 requires).
 * <p>
 * The long tables' cells (style {@code Lean*}, measured by {@link LeanCellMeasurer}) are drawn here, one
 * {@code showText} at a fixed position each, in the font Jasper resolved for the style (so the same embedded
 * DejaVu subset): no line breaking, no bidi analysis, no styled-text processing. A value wider than its column
 * is set in a smaller font (down to 4 points), and only beyond that cut with an ellipsis ({@code audit.csv} has
 * it whole). Cells with an outline entry, a link or a
 * background go through Jasper's own path.
 */
final class AttachingPdfExporter extends JRPdfExporter {

	private static final PdfName AF = new PdfName("AF");

	private static final PdfName AF_RELATIONSHIP = new PdfName("AFRelationship");

	private static final PdfName UF = new PdfName("UF");

	/** Style names of the cells drawn on the lean path ({@code reports/audit-styles.jrtx}). */
	static final String LEAN_STYLE_PREFIX = "Lean";

	private static final String ELLIPSIS = "\u2026";

	/** The smallest font a lean cell shrinks to before its value is cut with an ellipsis. */
	private static final float MIN_FONT_SIZE = 4.0f;

	private final List<AuditAttachment> attachments;

	/** The base font and size of each lean style, resolved once through Jasper's font extensions. */
	private final Map<String, BaseFont> leanFonts = new HashMap<>();

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

	@Override
	public void exportText(JRPrintText text) {
		if (!lean(text)) {
			super.exportText(text);
			return;
		}
		String value = text.getFullText();
		if (value == null || value.isEmpty()) {
			return;
		}
		float size = text.getFontSize();
		BaseFont font = leanFont(text);
		float left = text.getX() + getOffsetX() + text.getLineBox().getLeftPadding();
		float room = text.getWidth() - text.getLineBox().getLeftPadding() - text.getLineBox().getRightPadding();
		float full = font.getWidthPoint(value, size);
		if (full > room) {
			// an address (or a name) is read whole where it can be: the font shrinks to fit, down to a floor
			size = Math.max(MIN_FONT_SIZE, size * room / full);
		}
		String shown = fit(value, font, size, room);
		float width = font.getWidthPoint(shown, size);
		float x = text.getHorizontalTextAlign() == HorizontalTextAlignEnum.RIGHT ? left + room - width
				: text.getHorizontalTextAlign() == HorizontalTextAlignEnum.CENTER ? left + (room - width) / 2 : left;
		float ascent = font.getFontDescriptor(BaseFont.ASCENT, size);
		float descent = font.getFontDescriptor(BaseFont.DESCENT, size);
		float top = text.getY() + getOffsetY() + text.getLineBox().getTopPadding();
		float inner = text.getHeight() - text.getLineBox().getTopPadding() - text.getLineBox().getBottomPadding();
		// the line (ascent to descent) centred in the cell
		float baseline = top + (inner - (ascent - descent)) / 2 + ascent;
		PdfContentByte canvas = ((ClassicPdfProducer) pdfProducer).getPdfContentByte();
		canvas.beginText();
		canvas.setFontAndSize(font, size);
		canvas.setColorFill(text.getForecolor());
		canvas.setTextMatrix(x, getCurrentPageFormat().getPageHeight() - baseline);
		canvas.showText(shown);
		canvas.endText();
	}

	private static boolean lean(JRPrintText text) {
		JRStyle style = text.getStyle();
		return style != null && style.getName() != null && style.getName().startsWith(LEAN_STYLE_PREFIX)
				&& text.getAnchorName() == null && text.getBookmarkLevel() == 0 && text.getLinkType() == null
				&& text.getMode() != ModeEnum.OPAQUE && text.getRotation() == RotationEnum.NONE
				&& text.getTextTruncateIndex() == null;
	}

	/** The value, or its longest prefix that fits with an ellipsis after it. */
	static String fit(String value, BaseFont font, float size, float room) {
		String line = value.indexOf('\n') < 0 && value.indexOf('\r') < 0 ? value
				: value.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
		if (font.getWidthPoint(line, size) <= room) {
			return line;
		}
		String ellipsis = font.charExists(0x2026) ? ELLIPSIS : "...";
		float budget = room - font.getWidthPoint(ellipsis, size);
		float used = 0;
		int end = 0;
		while (end < line.length()) {
			int next = line.offsetByCodePoints(end, 1);
			float w = font.getWidthPoint(line.substring(end, next), size);
			if (used + w > budget) {
				break;
			}
			used += w;
			end = next;
		}
		return line.substring(0, end) + ellipsis;
	}

	private BaseFont leanFont(JRPrintText text) {
		// one font per lean style: the lean cells take their font from the style alone
		return leanFonts.computeIfAbsent(text.getStyle().getName(), k -> {
			Map<AttributedCharacterIterator.Attribute, Object> attributes = new HashMap<>();
			FontUtil.getInstance(jasperReportsContext).getAttributesWithoutAwtFont(attributes, text);
			attributes.putIfAbsent(TextAttribute.SIZE, text.getFontSize());
			return ((ClassicPdfProducer) pdfProducer).getFont(attributes, Locale.ROOT).getBaseFont();
		});
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
