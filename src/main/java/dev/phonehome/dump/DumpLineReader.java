package dev.phonehome.dump;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a dump file's lines for {@code FlatFileItemReader}, checking the bytes on the way: a line longer than
 * {@link DumpLimits#MAX_LINE_BYTES} is refused as soon as the cap is passed (never held whole in memory), and a line
 * that is not valid UTF-8 is refused rather than decoded with replacement characters (which would silently change
 * an id or a plan). Lines end at {@code \n} (a byte that never occurs inside a multi-byte UTF-8 sequence), with an
 * optional {@code \r} before it; numbering follows the reader's, one per {@link #readLine()}.
 */
final class DumpLineReader extends BufferedReader {

	private final InputStream in;

	private final String fileName;

	private final int maxLineBytes;

	private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
		.onMalformedInput(CodingErrorAction.REPORT)
		.onUnmappableCharacter(CodingErrorAction.REPORT);

	private final byte[] buffer = new byte[64 * 1024];

	private int position;

	private int limit;

	private boolean endOfInput;

	/** The bytes of a line that spans more than one buffer fill. */
	private byte[] line = new byte[1024];

	private int lineNumber;

	DumpLineReader(InputStream in, String fileName, int maxLineBytes) {
		// the superclass's own buffer is never used: every read goes through readLine()
		super(Reader.nullReader(), 1);
		this.in = in;
		this.fileName = fileName;
		this.maxLineBytes = maxLineBytes;
	}

	@Override
	public String readLine() throws IOException {
		if (position >= limit && !fill()) {
			return null;
		}
		lineNumber++;
		// the cap counts the line without its end: one byte more is held while it may be the \r of a \r\n
		int length = 0;
		while (true) {
			int end = indexOfNewline();
			int take = (end < 0 ? limit : end) - position;
			if (length == 0 && end >= 0) {
				// the common case: the whole line is in the buffer
				int bytes = trimCarriageReturn(buffer, position, take);
				checkLength(bytes);
				String text = decode(buffer, position, bytes);
				position = end + 1;
				return text;
			}
			if ((long) length + take > maxLineBytes + 1L) {
				checkLength((long) length + take);
			}
			if (length + take > line.length) {
				line = Arrays.copyOf(line, (int) Math.min(maxLineBytes + 1L, Math.max(length + take, 2L * line.length)));
			}
			System.arraycopy(buffer, position, line, length, take);
			length += take;
			if (end >= 0) {
				position = end + 1;
				break;
			}
			position = limit;
			if (!fill()) {
				break;
			}
		}
		length = trimCarriageReturn(line, 0, length);
		checkLength(length);
		return decode(line, 0, length);
	}

	private boolean fill() throws IOException {
		if (endOfInput) {
			return false;
		}
		int read = in.readNBytes(buffer, 0, buffer.length);
		position = 0;
		limit = read;
		if (read < buffer.length) {
			endOfInput = true;
		}
		return read > 0;
	}

	private int indexOfNewline() {
		for (int i = position; i < limit; i++) {
			if (buffer[i] == '\n') {
				return i;
			}
		}
		return -1;
	}

	private void checkLength(long bytes) {
		if (bytes > maxLineBytes) {
			throw new BadInputException(fileName, lineNumber, "the line is longer than the documented cap of "
					+ maxLineBytes + " bytes" + (maxLineBytes >= 1024 * 1024 ? " (" + maxLineBytes / (1024 * 1024) + " MiB)" : "")
					+ "; it was not read further");
		}
	}

	private static int trimCarriageReturn(byte[] bytes, int offset, int length) {
		return (length > 0 && bytes[offset + length - 1] == '\r') ? length - 1 : length;
	}

	private String decode(byte[] bytes, int offset, int length) {
		try {
			return decoder.reset().decode(ByteBuffer.wrap(bytes, offset, length)).toString();
		}
		catch (CharacterCodingException ex) {
			throw new BadInputException(fileName, lineNumber,
					"the line is not valid UTF-8 (malformed bytes are refused, never replaced)");
		}
	}

	@Override
	public void close() throws IOException {
		in.close();
	}

}
