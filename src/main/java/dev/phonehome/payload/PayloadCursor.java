package dev.phonehome.payload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;


/**
 * Reads an archived payload file forward, one item at a time, with Jackson's streaming parser: the audit and the
 * night's changes are made from the bytes that were sent, and a 100,000-user payload never has to fit in memory.
 * Values come back as they were sent: {@code String}, {@code Long}, {@code Boolean} or {@code null}, in the
 * payload's field order.
 */
public final class PayloadCursor implements AutoCloseable {

	private static final JsonFactory FACTORY = JsonFactory.builder().build();

	private final Path file;

	private final JsonParser parser;

	private PayloadSection section;

	private boolean headerRead;

	private PayloadCursor(Path file, JsonParser parser) {
		this.file = file;
		this.parser = parser;
	}

	public static PayloadCursor open(Path file) {
		try {
			InputStream in = Files.newInputStream(file);
			PayloadCursor cursor = new PayloadCursor(file, FACTORY.createParser(ObjectReadContext.empty(), in));
			cursor.expect(cursor.parser.nextToken(), JsonToken.START_OBJECT, "the payload object");
			return cursor;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the archived payload " + file + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Reads the top-level fields up to the first section array: {@code date}, {@code installationId}, ...,
	 * {@code integrations}; leaves the cursor at the start of that section.
	 */
	public Map<String, Object> header() {
		Map<String, Object> header = new LinkedHashMap<>();
		headerRead = true;
		try {
			for (String name; (name = parser.nextName()) != null;) {
				PayloadSection found = PayloadSection.ofKey(name);
				if (found != null) {
					expect(parser.nextToken(), JsonToken.START_ARRAY, "the array " + name);
					this.section = found;
					return header;
				}
				JsonToken token = parser.nextToken();
				if (token == JsonToken.START_ARRAY) {
					List<String> values = new ArrayList<>();
					while (parser.nextToken() != JsonToken.END_ARRAY) {
						values.add(parser.getString());
					}
					header.put(name, values);
				}
				else {
					header.put(name, scalar(name, token));
				}
			}
			this.section = null;
			return header;
		}
		catch (JacksonException ex) {
			throw unreadable(ex);
		}
	}

	/** The section whose items {@link #nextItem()} returns; {@code null} after the last one. */
	public PayloadSection section() {
		return section;
	}

	/**
	 * The next item of the current section, or {@code null} at the end of the section's array (the cursor then
	 * moves to the next section, see {@link #section()}).
	 */
	public Map<String, Object> nextItem() {
		if (section == null) {
			return null;
		}
		try {
			JsonToken token = parser.nextToken();
			if (token == JsonToken.END_ARRAY) {
				advanceToNextSection();
				return null;
			}
			expect(token, JsonToken.START_OBJECT, "an item of " + section.key());
			Map<String, Object> item = new LinkedHashMap<>(24);
			for (String name; (name = parser.nextName()) != null;) {
				item.put(name, scalar(name, parser.nextToken()));
			}
			return item;
		}
		catch (JacksonException ex) {
			throw unreadable(ex);
		}
	}

	/** Skips forward to the start of {@code wanted}; {@code false} when the payload has no such section. */
	public boolean skipTo(PayloadSection wanted) {
		if (!headerRead) {
			header();
		}
		while (section != null && section != wanted) {
			try {
				parser.skipChildren();
			}
			catch (JacksonException ex) {
				throw unreadable(ex);
			}
			advanceToNextSection();
		}
		return section == wanted;
	}

	private void advanceToNextSection() {
		for (String name; (name = parser.nextName()) != null;) {
			PayloadSection found = PayloadSection.ofKey(name);
			JsonToken token = parser.nextToken();
			if (found != null) {
				expect(token, JsonToken.START_ARRAY, "the array " + name);
				section = found;
				return;
			}
			parser.skipChildren();
		}
		section = null;
	}

	private Object scalar(String name, JsonToken token) {
		return switch (token) {
			case VALUE_STRING -> parser.getString();
			case VALUE_NUMBER_INT -> parser.getLongValue();
			case VALUE_TRUE -> Boolean.TRUE;
			case VALUE_FALSE -> Boolean.FALSE;
			case VALUE_NULL -> null;
			default -> throw new IllegalStateException("the archived payload " + file + " has an unexpected "
					+ token + " at field '" + name + "' (" + parser.currentLocation() + ")");
		};
	}

	private void expect(JsonToken actual, JsonToken expected, String what) {
		if (actual != expected) {
			throw new IllegalStateException("the archived payload " + file + " is not a payload: expected " + what
					+ " but found " + actual + " (" + parser.currentLocation() + ")");
		}
	}

	private IllegalStateException unreadable(JacksonException ex) {
		return new IllegalStateException("the archived payload " + file + " is not valid JSON: "
				+ ex.getOriginalMessage() + " (" + parser.currentLocation() + ")", ex);
	}

	@Override
	public void close() {
		parser.close();
	}

}
