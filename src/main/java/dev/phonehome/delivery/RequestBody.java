package dev.phonehome.delivery;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of a phone-home request: {@code [} p1 {@code ,} p2 ... {@code ]}, the archived payloads' bytes verbatim,
 * oldest night first. One definition for what is POSTed and what {@code export} writes for an upload by hand.
 */
public final class RequestBody {

	private RequestBody() {
	}

	/** The body as it is sent: streamed from the archive. */
	static BodyPublisher publisher(List<Path> payloads) {
		List<BodyPublisher> parts = new ArrayList<>();
		for (Object piece : pieces(payloads)) {
			if (piece instanceof Path file) {
				try {
					parts.add(BodyPublishers.ofFile(file));
				}
				catch (FileNotFoundException ex) {
					throw new IllegalStateException("archived payload vanished: " + file, ex);
				}
			}
			else {
				parts.add(BodyPublishers.ofString((String) piece, StandardCharsets.UTF_8));
			}
		}
		return BodyPublishers.concat(parts.toArray(BodyPublisher[]::new));
	}

	/** The same bytes, written to a stream. */
	public static void write(List<Path> payloads, OutputStream out) throws IOException {
		for (Object piece : pieces(payloads)) {
			if (piece instanceof Path file) {
				Files.copy(file, out);
			}
			else {
				out.write(((String) piece).getBytes(StandardCharsets.UTF_8));
			}
		}
	}

	/** The framing as text, each payload as its file. */
	private static List<Object> pieces(List<Path> payloads) {
		List<Object> pieces = new ArrayList<>();
		pieces.add("[");
		for (int i = 0; i < payloads.size(); i++) {
			if (i > 0) {
				pieces.add(",");
			}
			pieces.add(payloads.get(i));
		}
		pieces.add("]");
		return pieces;
	}

}
