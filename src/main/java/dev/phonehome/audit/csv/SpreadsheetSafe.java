package dev.phonehome.audit.csv;

/**
 * OWASP's CSV-injection defence for {@code audit.csv}: a text cell that a spreadsheet would read as a formula
 * (starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return) gets a leading {@code '},
 * so a user name or an origin from the installation cannot run as a formula when the audit is opened. A text cell
 * that already starts with {@code '} gets one too, so the rule reverses exactly: strip one leading {@code '} from
 * any text cell that has one. Numbers and booleans are written as in the payload (a number is never a formula).
 */
final class SpreadsheetSafe {

	private SpreadsheetSafe() {
	}

	static Object cell(Object value) {
		if (value instanceof CharSequence text && !text.isEmpty() && startsAFormula(text.charAt(0))) {
			return "'" + text;
		}
		return value;
	}

	private static boolean startsAFormula(char first) {
		return switch (first) {
			case '=', '+', '-', '@', '\t', '\r', '\'' -> true;
			default -> false;
		};
	}

}
