package dev.phonehome.dump;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;

/**
 * The first look at a dump line, before BSON's parser builds the document: the line must be one strict JSON object
 * (as mongoexport writes it), nested no deeper than {@link DumpLimits#MAX_DEPTH} (BSON's decoder recurses: 200,000
 * levels overflowed its stack), and with no key twice in one object (BSON keeps the last silently, so
 * {@code "plan":"BUSINESS","plan":"FREEPLAN"} would turn emails on). Jackson's streaming parser checks all three
 * without recursion. Errors name the {@code _id} when it was read before the fault, and the field's path; never a
 * value, and never a key that does not look like a plain name (a key could hold an address).
 */
final class DumpLineCheck {

	private static final JsonFactory FACTORY = JsonFactory.builder()
		.enable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(DumpLimits.MAX_DEPTH).build())
		.build();

	/** A path deeper than this is cut in messages (the nesting error's path is a hundred levels long). */
	private static final int SHOWN_LEVELS = 8;

	private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_$.:-]{1,64}");

	private DumpLineCheck() {
	}

	/** Throws {@link BadInputException} when the line is not one well-formed JSON object within the caps. */
	static void check(String fileName, DumpLine line) {
		Walk walk = new Walk();
		try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), line.text())) {
			walk.run(parser);
		}
		catch (StreamConstraintsException ex) {
			String detail = walk.path.size() >= DumpLimits.MAX_DEPTH
					? "JSON nested deeper than the documented cap of " + DumpLimits.MAX_DEPTH + " levels"
					: "a value or key longer than the JSON parser's limits";
			throw walk.refused(fileName, line, detail);
		}
		catch (JacksonException ex) {
			// Jackson's message quotes the offending text: never copied
			throw walk.refused(fileName, line, walk.duplicate
					? "the key appears twice in the same object (a dump never repeats a key; which value holds is "
							+ "not guessed)"
					: "not a valid JSON document (a syntax error); the line is not shown, it may hold personal data");
		}
	}

	/**
	 * The top-level {@code _id} of a line {@link #check} accepted (an ObjectId's hex or the string), or null: used
	 * to name the line of a repeated {@code _id} found after staging.
	 */
	static String idOf(String text) {
		Walk walk = new Walk();
		try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), text)) {
			walk.run(parser);
		}
		catch (JacksonException ex) {
			// a line the import refused never reaches this point
		}
		return walk.id;
	}

	/** Walks the tokens, keeping the path of keys, the top-level {@code _id}, and whether a key was repeated. */
	private static final class Walk {

		/** Per open container: the current key (objects) or index (arrays). */
		private final Deque<Frame> path = new ArrayDeque<>();

		private String id;

		private boolean duplicate;

		void run(JsonParser parser) {
			JsonToken token = parser.nextToken();
			if (token != JsonToken.START_OBJECT) {
				throw new NotAnObject();
			}
			path.push(new Frame(true));
			while (!path.isEmpty()) {
				Frame top = path.peek();
				try {
					token = parser.nextToken();
				}
				catch (StreamReadException ex) {
					duplicate = isDuplicateKey(ex);
					// Jackson reads a key and looks at its value in one step: the fault is at the key it names
					String name = parser.streamReadContext().currentName();
					if (top.object && name != null) {
						top.key = name;
					}
					throw ex;
				}
				if (!top.object) {
					top.index++;
				}
				switch (token) {
					case PROPERTY_NAME -> top.key = parser.currentName();
					case START_OBJECT -> path.push(new Frame(true));
					case START_ARRAY -> path.push(new Frame(false));
					case END_OBJECT, END_ARRAY -> path.pop();
					case VALUE_STRING -> noteId(parser.getString());
					default -> {
					}
				}
			}
			if (parser.nextToken() != null) {
				throw new NotAnObject();
			}
		}

		/** Jackson's strict duplicate detection says so only in its message (no own exception type). */
		private static boolean isDuplicateKey(StreamReadException ex) {
			String message = ex.getOriginalMessage();
			return message != null && message.startsWith("Duplicate Object property");
		}

		private void noteId(String text) {
			if (id != null) {
				return;
			}
			Iterator<Frame> frames = path.descendingIterator();
			Frame first = frames.next();
			if (!"_id".equals(first.key)) {
				return;
			}
			if (path.size() == 1 || (path.size() == 2 && "$oid".equals(path.peek().key))) {
				id = text;
			}
		}

		BadInputException refused(String fileName, DumpLine line, String detail) {
			StringBuilder text = new StringBuilder();
			if (id != null) {
				text.append("_id ").append(BadInputException.shownId(id)).append(", ");
			}
			String field = field();
			if (field != null) {
				text.append("field '").append(field).append("': ");
			}
			return new BadInputException(fileName, line.number(), text.append(detail).toString());
		}

		/** The path of keys to the fault, a key that is not a plain name shown as {@code <key>}. */
		private String field() {
			StringBuilder field = new StringBuilder();
			Iterator<Frame> frames = path.descendingIterator();
			int shown = 0;
			while (frames.hasNext()) {
				Frame frame = frames.next();
				if (++shown > SHOWN_LEVELS) {
					field.append("… (").append(path.size()).append(" levels)");
					break;
				}
				if (frame.object) {
					if (frame.key == null) {
						break;
					}
					if (!field.isEmpty()) {
						field.append('.');
					}
					field.append(PLAIN_NAME.matcher(frame.key).matches() ? frame.key : "<key>");
				}
				else if (frame.index >= 0) {
					field.append('[').append(frame.index).append(']');
				}
			}
			return field.isEmpty() ? null : field.toString();
		}

	}

	private static final class Frame {

		final boolean object;

		String key;

		int index = -1;

		Frame(boolean object) {
			this.object = object;
		}

	}

	/** The line holds something else than exactly one object. */
	private static final class NotAnObject extends JacksonException {

		NotAnObject() {
			super("not one JSON object");
		}

	}

}
