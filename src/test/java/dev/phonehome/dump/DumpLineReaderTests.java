package dev.phonehome.dump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The line reader under the import: line ends, lines across buffer fills, the length cap and strict UTF-8. */
class DumpLineReaderTests {

	@Test
	void shouldSplitOnNewlineDropACarriageReturnAndKeepALastLineWithoutEnd() throws IOException {
		assertThat(lines("a\r\n\nzo\u00eb\nlast", 100)).containsExactly("a", "", "zo\u00eb", "last");
	}

	@Test
	void shouldReadLinesLongerThanItsBufferWhole() throws IOException {
		String longLine = "x".repeat(200_000) + "\u00e9";
		assertThat(lines("short\n" + longLine + "\r\nend\n", 300_000)).containsExactly("short", longLine, "end");
	}

	@Test
	void shouldRefuseALineOverTheCapNamingItsLine() {
		assertThatThrownBy(() -> lines("12345\n123456\n", 5)).isInstanceOf(BadInputException.class)
			.hasMessage("users.json line 2: the line is longer than the documented cap of 5 bytes; it was not "
					+ "read further");
	}

	@Test
	void shouldRefuseALongLineAcrossBuffersOnceTheCapIsPassed() {
		assertThatThrownBy(() -> lines("ok\n" + "y".repeat(150_000) + "\n", 100_000))
			.isInstanceOf(BadInputException.class)
			.hasMessageStartingWith("users.json line 2: the line is longer than the documented cap of 100000 bytes");
	}

	@Test
	void shouldRefuseMalformedUtf8OnTheLineThatHoldsIt() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.writeBytes("one\ntwo\nthr".getBytes(StandardCharsets.UTF_8));
		bytes.write(0xC3);
		bytes.writeBytes("(\nfour\n".getBytes(StandardCharsets.UTF_8));

		assertThatThrownBy(() -> lines(bytes.toByteArray(), 100)).isInstanceOf(BadInputException.class)
			.hasMessage("users.json line 3: the line is not valid UTF-8 (malformed bytes are refused, never replaced)");
	}

	private static List<String> lines(String text, int cap) throws IOException {
		return lines(text.getBytes(StandardCharsets.UTF_8), cap);
	}

	private static List<String> lines(byte[] bytes, int cap) throws IOException {
		List<String> lines = new ArrayList<>();
		try (DumpLineReader reader = new DumpLineReader(new ByteArrayInputStream(bytes), "users.json", cap)) {
			for (String line; (line = reader.readLine()) != null;) {
				lines.add(line);
			}
		}
		return lines;
	}

}
