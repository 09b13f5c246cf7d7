package dev.phonehome.audit.pdf;

import java.util.ArrayList;
import java.util.List;

/**
 * A row of a long table as one text element (style {@code LeanRow}): its cells joined by the unit separator, drawn
 * column by column by {@link AttachingPdfExporter} in the element's {@link Column columns}. One element a row instead
 * of one a cell (and one for the rule under it): profiled at 100,000 users, the fill, the page swap and the export
 * each paid per element.
 */
public final class LeanRow {

	/** The template property naming the row's columns: {@code "28 right, 92 mono, 126"}. */
	static final String COLUMNS_PROPERTY = "net.sf.jasperreports.export.phonehome.lean-columns";

	private static final char SEPARATOR = '\u001F';

	private LeanRow() {
	}

	/**
	 * The row's value, called from the templates. A cell that is {@code null} is empty; a separator inside a value
	 * (it can come with the payload's text) becomes a space, so a value never spills into the next column.
	 */
	public static String join(Object... cells) {
		StringBuilder row = new StringBuilder(128);
		for (int i = 0; i < cells.length; i++) {
			if (i > 0) {
				row.append(SEPARATOR);
			}
			if (cells[i] != null) {
				row.append(String.valueOf(cells[i]).replace(SEPARATOR, ' '));
			}
		}
		return row.toString();
	}

	/** The cells of a row's value, as many as it was joined from. */
	static List<String> cells(String row) {
		List<String> cells = new ArrayList<>();
		int start = 0;
		for (int end = row.indexOf(SEPARATOR); end >= 0; end = row.indexOf(SEPARATOR, start)) {
			cells.add(row.substring(start, end));
			start = end + 1;
		}
		cells.add(row.substring(start));
		return cells;
	}

	/** A column of a lean row: its width in points, its font (mono or not) and its alignment. */
	record Column(float width, boolean mono, boolean right) {

		/** Parses the {@value #COLUMNS_PROPERTY} property: comma-separated widths, each followed by its flags. */
		static List<Column> parse(String columns) {
			List<Column> parsed = new ArrayList<>();
			for (String column : columns.split(",")) {
				String[] words = column.trim().split("\\s+");
				List<String> flags = List.of(words).subList(1, words.length);
				for (String flag : flags) {
					if (!flag.equals("mono") && !flag.equals("right")) {
						throw new IllegalArgumentException("unknown flag '" + flag + "' in the lean columns '" + columns
								+ "' (mono, right)");
					}
				}
				parsed.add(new Column(Float.parseFloat(words[0]), flags.contains("mono"), flags.contains("right")));
			}
			return List.copyOf(parsed);
		}

	}

}
