package dev.phonehome.changes;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import dev.phonehome.payload.PayloadSection;

/**
 * Keeps the item-level changes in two files of JSON lines (the items, and the addresses sent for the first time)
 * while the payloads stream past, so that a report can print the summary first and the lists after it without
 * holding them in memory. The files are private to the owner (they may hold addresses, like the archived
 * payloads beside them) and deleted on {@link #close}.
 */
public final class ChangeSpool implements ChangeListener, AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Path items;

	private final Path emails;

	private final BufferedWriter itemsOut;

	private final BufferedWriter emailsOut;

	private ChangeSpool(Path items, Path emails) throws IOException {
		this.items = items;
		this.emails = emails;
		this.itemsOut = Files.newBufferedWriter(items, StandardCharsets.UTF_8);
		this.emailsOut = Files.newBufferedWriter(emails, StandardCharsets.UTF_8);
	}

	/** A spool in {@code folder} (created if need be); temporary files are created owner-only. */
	public static ChangeSpool in(Path folder) {
		Path items = null;
		Path emails = null;
		try {
			Files.createDirectories(folder);
			items = Files.createTempFile(folder, ".diff-items-", ".jsonl");
			emails = Files.createTempFile(folder, ".diff-emails-", ".jsonl");
			return new ChangeSpool(items, emails);
		}
		catch (IOException ex) {
			deleteQuietly(items);
			deleteQuietly(emails);
			throw new UncheckedIOException("cannot create a temporary file in " + folder + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public void itemChanged(ItemChange change) {
		ObjectNode line = JSON.createObjectNode();
		line.put("section", change.section().key());
		line.put("id", change.id());
		line.put("change", change.kind().name());
		if (change.section() == PayloadSection.COMPANIES || change.section() == PayloadSection.TEAMS) {
			line.put("name", String.valueOf(change.item().get("name")));
		}
		ArrayNode fields = line.putArray("fields");
		for (FieldChange field : change.fields()) {
			fields.addObject()
				.put("field", field.field())
				.set("before", JSON.valueToTree(field.before()))
				.set("after", JSON.valueToTree(field.after()));
		}
		write(itemsOut, line);
	}

	@Override
	public void emailSentFirstTime(FirstTimeEmail email) {
		write(emailsOut, JSON.createObjectNode()
			.put("userId", email.userId())
			.put("address", email.address())
			.put("reason", email.reason().name()));
	}

	private static void write(BufferedWriter out, JsonNode line) {
		try {
			out.write(JSON.writeValueAsString(line));
			out.newLine();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the changes to a temporary file: " + ex.getMessage(), ex);
		}
	}

	/** The changed items, in the payloads' order: {@code section, id, change, name?, fields[field, before, after]}. */
	public void items(Consumer<JsonNode> each) {
		read(itemsOut, items, each);
	}

	/** The addresses sent for the first time, in user id order: {@code userId, address, reason}. */
	public void emails(Consumer<JsonNode> each) {
		read(emailsOut, emails, each);
	}

	private static void read(BufferedWriter out, Path file, Consumer<JsonNode> each) {
		try {
			out.flush();
			try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				for (String line; (line = lines.readLine()) != null;) {
					each.accept(JSON.readTree(line));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read back the temporary file " + file + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public void close() {
		try {
			itemsOut.close();
			emailsOut.close();
		}
		catch (IOException ex) {
			// deleted below all the same
		}
		deleteQuietly(items);
		deleteQuietly(emails);
	}

	private static void deleteQuietly(Path file) {
		if (file != null) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				// a leftover temporary file in the work area; nothing else depends on it
			}
		}
	}

}
