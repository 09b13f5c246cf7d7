package dev.phonehome.dump;

/** One line of a mongoexport file, with its 1-based line number for error messages. */
public record DumpLine(int number, String text) {

	public boolean isBlank() {
		return text.isBlank();
	}

}
