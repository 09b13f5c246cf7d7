package dev.phonehome.audit.pdf;

import java.awt.Color;
import java.awt.font.TextAttribute;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.AttributedCharacterIterator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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

import net.sf.jasperreports.engine.JRLineBox;
import net.sf.jasperreports.engine.JRPrintText;
import net.sf.jasperreports.engine.JRStyle;
import net.sf.jasperreports.engine.fonts.FontUtil;
import net.sf.jasperreports.engine.type.ModeEnum;
import net.sf.jasperreports.engine.type.RotationEnum;
import net.sf.jasperreports.engine.type.VerticalTextAlignEnum;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.classic.ClassicPdfProducer;
import net.sf.jasperreports.pdf.common.PdfProducer;

/**
 * Jasper's PDF exporter, plus PDF/A-3 associated files: just before the document closes, each attachment is
 * embedded (streamed from its file, deflated) with its MIME type, modification date and {@code AFRelationship},
 * listed in the catalog's {@code EmbeddedFiles} name tree (what {@code pdfdetach} and readers show) and in its
 * {@code AF} array (what PDF/A-3 requires).
 * <p>
 * The long tables' rows (one text element each, style {@code LeanRow}, measured by {@link LeanCellMeasurer}), their
 * header rows ({@code LeanHeader}, on their background) and the page header and footer lines ({@code LeanFooter})
 * are drawn here: each cell one {@code showText} at a fixed position in its column ({@link LeanRow}), in the font
 * Jasper resolves for the style or its monospaced sibling (so the same embedded DejaVu subsets), then the rule under a
 * row and, every 10,000 rows, the outline entry: no line breaking, no bidi analysis, no styled-text processing. A
 * value wider than its column is set in a smaller font (down to 4 points), and only beyond that cut with an
 * ellipsis ({@code audit.csv} has it whole).
 */
final class AttachingPdfExporter extends JRPdfExporter {

	private static final PdfName AF = new PdfName("AF");

	private static final PdfName AF_RELATIONSHIP = new PdfName("AFRelationship");

	private static final PdfName UF = new PdfName("UF");

	/** The style of the long tables' rows drawn on the lean path ({@code reports/audit-styles.jrtx}). */
	static final String LEAN_ROW_STYLE = "LeanRow";

	/**
	 * The styles drawn on the lean path: the rows, their header rows (on their background, no rule), and the page
	 * header and footer lines (LeanFooter).
	 */
	static final Set<String> LEAN_STYLES = Set.of(LEAN_ROW_STYLE, "LeanHeader", "LeanFooter");

	/** The font of a lean row's "mono" columns (the row style's own is DejaVu Sans). */
	private static final String MONO_FAMILY = "DejaVu Sans Mono";

	private static final float RULE_WIDTH = 0.25f;

	private static final Color RULE_COLOR = new Color(0xC8, 0xC8, 0xC8);

	private static final String ELLIPSIS = "\u2026";

	/** The smallest font a lean cell shrinks to before its value is cut with an ellipsis. */
	private static final float MIN_FONT_SIZE = 4.0f;

	private final List<AuditAttachment> attachments;

	/** The lean styles' fonts (each style's own, and mono), resolved once through Jasper's font extensions. */
	private final Map<String, LeanFont[]> leanFonts = new HashMap<>();

	/** The parsed columns of each lean table (one property value per table template). */
	private final Map<String, List<LeanRow.Column>> leanColumns = new HashMap<>();

	private final Runnable attachmentsReady;

	/**
	 * @param attachmentsReady called just before the attachments are read, as the document closes: they may still be
	 * being written while the pages are exported
	 */
	AttachingPdfExporter(List<AuditAttachment> attachments, Runnable attachmentsReady) {
		this.attachments = List.copyOf(attachments);
		this.attachmentsReady = attachmentsReady;
	}

	@Override
	protected PdfProducer createPdfProducer() {
		return new ClassicPdfProducer(createPdfProducerContext()) {

			@Override
			public void close() {
				if (!attachments.isEmpty()) {
					attachmentsReady.run();
					attach(getPdfWriter());
				}
				super.close();
			}

		};
	}

	@Override
	public void exportText(JRPrintText text) {
		if (!leanRow(text)) {
			super.exportText(text);
			return;
		}
		List<LeanRow.Column> columns = leanColumns.computeIfAbsent(
				text.getPropertiesMap().getProperty(LeanRow.COLUMNS_PROPERTY), LeanRow.Column::parse);
		List<String> cells = LeanRow.cells(text.getFullText() == null ? "" : text.getFullText());
		if (cells.size() != columns.size()) {
			throw new IllegalStateException("a lean row of " + cells.size() + " cells in " + columns.size()
					+ " columns (" + LeanRow.COLUMNS_PROPERTY + " of style " + text.getStyle().getName() + ")");
		}
		PdfContentByte canvas = ((ClassicPdfProducer) pdfProducer).getPdfContentByte();
		float pageHeight = getCurrentPageFormat().getPageHeight();
		float left = text.getX() + getOffsetX();
		float top = text.getY() + getOffsetY();
		// the row's style, resolved once (each getter resolves it again)
		JRLineBox box = text.getLineBox();
		float leftPadding = box.getLeftPadding();
		float rightPadding = box.getRightPadding();
		float innerTop = top + box.getTopPadding();
		float inner = text.getHeight() - box.getTopPadding() - box.getBottomPadding();
		VerticalTextAlignEnum vertical = text.getVerticalTextAlign();
		float rowSize = text.getFontSize();
		boolean header = text.getMode() == ModeEnum.OPAQUE;
		if (header) {
			canvas.saveState();
			canvas.setColorFill(text.getBackcolor());
			canvas.rectangle(left, pageHeight - top - text.getHeight(), text.getWidth(), text.getHeight());
			canvas.fill();
			canvas.restoreState();
		}
		canvas.beginText();
		canvas.setColorFill(text.getForecolor());
		// cells are placed relative to the one before (Td: two numbers, where a text matrix takes six), and the font
		// is set only when it changes
		float lineX = 0;
		float lineY = 0;
		LeanFont[] fonts = leanFonts(text);
		LeanFont current = null;
		float currentSize = 0;
		for (int i = 0; i < columns.size(); i++) {
			LeanRow.Column column = columns.get(i);
			String value = oneLine(cells.get(i));
			if (!value.isEmpty()) {
				// a header labels every column in its own font; "mono" is for the values
				LeanFont font = fonts[column.mono() && !header ? 1 : 0];
				float room = column.width() - leftPadding - rightPadding;
				float size = rowSize;
				float width = font.width(value, size);
				String shown = value;
				if (width > room) {
					// an address (or a name) is read whole where it can be: the font shrinks to fit, down to a floor,
					// and only below the floor is the value cut (the width scales with the size, so the shrunk value
					// fills the column exactly: measuring it again could round past the room and cut it)
					float fitting = size * room / width;
					if (fitting >= MIN_FONT_SIZE) {
						size = fitting;
						width = room;
					}
					else {
						size = MIN_FONT_SIZE;
						shown = fit(value, font.font, size, room);
						width = font.width(shown, size);
					}
				}
				float x = left + leftPadding + (column.right() ? room - width : 0);
				float y = pageHeight - baseline(vertical, innerTop, inner, font.ascent(size), font.descent(size));
				if (font != current || size != currentSize) {
					canvas.setFontAndSize(font.font, size);
					current = font;
					currentSize = size;
				}
				canvas.moveText(x - lineX, y - lineY);
				lineX = x;
				lineY = y;
				canvas.showText(shown);
			}
			left += column.width();
		}
		canvas.endText();
		if (!LEAN_ROW_STYLE.equals(text.getStyle().getName())) {
			drawBookmark(text);
			return;
		}
		// the rule under the row, across the whole table
		canvas.saveState();
		canvas.setLineWidth(RULE_WIDTH);
		canvas.setColorStroke(RULE_COLOR);
		float rule = pageHeight - (top + text.getHeight() - RULE_WIDTH);
		canvas.moveTo(text.getX() + getOffsetX(), rule);
		canvas.lineTo(text.getX() + getOffsetX() + text.getWidth(), rule);
		canvas.stroke();
		canvas.restoreState();
		drawBookmark(text);
	}

	private void drawBookmark(JRPrintText text) {
		if (text.getAnchorName() != null && text.getBookmarkLevel() > 0) {
			// every 10,000th row carries an outline entry, as Jasper's own path would add it
			addBookmark(text.getBookmarkLevel(), text.getAnchorName(), text.getX() + getOffsetX(),
					text.getY() + getOffsetY());
		}
	}

	/** Where the line (ascent to descent) sits in the element, as its vertical alignment says. */
	private static float baseline(VerticalTextAlignEnum vertical, float innerTop, float inner, float ascent,
			float descent) {
		return switch (vertical) {
			case TOP -> innerTop + ascent;
			case BOTTOM -> innerTop + inner + descent;
			default -> innerTop + (inner - (ascent - descent)) / 2 + ascent;
		};
	}

	private static boolean leanRow(JRPrintText text) {
		JRStyle style = text.getStyle();
		return style != null && LEAN_STYLES.contains(style.getName())
				&& text.getPropertiesMap().getProperty(LeanRow.COLUMNS_PROPERTY) != null && text.getLinkType() == null
				&& text.getRotation() == RotationEnum.NONE;
	}

	/** A cell is one line: a line break in a value becomes a space. */
	static String oneLine(String value) {
		return value.indexOf('\n') < 0 && value.indexOf('\r') < 0 ? value
				: value.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
	}

	/** The value, or its longest prefix that fits with an ellipsis after it. */
	static String fit(String value, BaseFont font, float size, float room) {
		String line = oneLine(value);
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

	/** A lean style's two fonts: its own ({@code [0]}), and its monospaced sibling for ids and timestamps. */
	private LeanFont[] leanFonts(JRPrintText text) {
		return leanFonts.computeIfAbsent(text.getStyle().getName(),
				k -> new LeanFont[] { leanFont(text, false), leanFont(text, true) });
	}

	private LeanFont leanFont(JRPrintText text, boolean mono) {
		Map<AttributedCharacterIterator.Attribute, Object> attributes = new HashMap<>();
		FontUtil.getInstance(jasperReportsContext).getAttributesWithoutAwtFont(attributes, text);
		attributes.putIfAbsent(TextAttribute.SIZE, text.getFontSize());
		if (mono) {
			attributes.put(TextAttribute.FAMILY, MONO_FAMILY);
		}
		return new LeanFont(((ClassicPdfProducer) pdfProducer).getFont(attributes, Locale.ROOT).getBaseFont());
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
