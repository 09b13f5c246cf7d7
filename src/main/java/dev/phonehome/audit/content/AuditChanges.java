package dev.phonehome.audit.content;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import dev.phonehome.artefact.ArtefactWriter;
import dev.phonehome.changes.ChangeKind;
import dev.phonehome.changes.ChangeListener;
import dev.phonehome.changes.FirstTimeEmail;
import dev.phonehome.changes.ItemChange;
import dev.phonehome.changes.NightChanges;
import dev.phonehome.changes.NightComparison;
import dev.phonehome.payload.PayloadSection;
import dev.phonehome.record.NightRecord;

/**
 * The night's changes as the audit shows them: the comparison the record summarises ({@code changes.*}), made
 * again from the same two archived payloads so the audit can list what the record may not hold (addresses sent
 * for the first time, the items themselves), and checked against the recorded digest. The lists are spooled to
 * two owner-only files of JSON lines in a private folder while the payloads stream past (bounded memory whatever
 * the size of the night), read back in payload order, and deleted on {@link #close}.
 */
public final class AuditChanges implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, Object>> LINE = new TypeReference<>() {
	};

	private final NightRecord.Changes recorded;

	private final NightChanges changes;

	private final Path items;

	private final Path emails;

	private AuditChanges(NightRecord.Changes recorded, NightChanges changes, Path items, Path emails) {
		this.recorded = recorded;
		this.changes = changes;
		this.items = items;
		this.emails = emails;
	}

	/**
	 * The changes of {@code input}'s night, spooled in {@code spoolFolder} (created if need be, owner-only); none
	 * when the night was not compared (skipped) or had nothing to compare with.
	 */
	public static AuditChanges of(AuditInput input, Path spoolFolder) {
		NightRecord.Changes recorded = input.record().changes();
		if (recorded == null || !recorded.hasBaseline() || input.payload() == null) {
			return new AuditChanges(recorded, null, null, null);
		}
		Path baseline = recorded.baselinePayload().path();
		if (!ArtefactWriter.describe(baseline).sha256().equals(recorded.baselinePayload().sha256())) {
			throw new IllegalStateException("the baseline payload " + baseline + " of night " + recorded.baselineNight()
					+ " no longer matches its record since the night was compared; run 'verify'");
		}
		Path items = null;
		Path emails = null;
		try {
			Files.createDirectories(spoolFolder);
			items = Files.createTempFile(spoolFolder, ".audit-changes-", ".jsonl");
			emails = Files.createTempFile(spoolFolder, ".audit-first-emails-", ".jsonl");
			NightChanges changes;
			try (Spool spool = new Spool(items, emails, input.decisions().emails().included())) {
				changes = NightComparison.compare(input.payload(), baseline, spool);
			}
			if (!changes.sha256().equals(recorded.sha256())) {
				throw new IllegalStateException("the changes of night " + input.night() + " made again for the audit "
						+ "differ from the recorded ones (changes.sha256 " + recorded.sha256() + ")");
			}
			return new AuditChanges(recorded, changes, items, emails);
		}
		catch (IOException ex) {
			delete(items);
			delete(emails);
			throw new UncheckedIOException("cannot spool the night's changes in " + spoolFolder + ": "
					+ ex.getMessage(), ex);
		}
		catch (RuntimeException ex) {
			delete(items);
			delete(emails);
			throw ex;
		}
	}

	/** No lists: the audit shows what the record says ({@code recorded}, may be {@code null}), nothing more. */
	public static AuditChanges none(NightRecord.Changes recorded) {
		return new AuditChanges(recorded, null, null, null);
	}

	/** What the record holds; {@code null} when the night was not compared (skipped). */
	public NightRecord.Changes recorded() {
		return recorded;
	}

	/** The full summary; {@code null} without a baseline. */
	public NightChanges changes() {
		return changes;
	}

	/** The title of the audit's section: "Changes since 2026-11-20", or why there is nothing to compare. */
	public String title() {
		return changes != null ? "Changes since " + changes.baselineNight() : "Changes: none to show";
	}

	/**
	 * Every item change in the payloads' order (by section, then id), REMOVED ones included: {@code section},
	 * {@code id}, {@code change} ({@link ItemChange#label()}: NEW, REMOVED, "CHANGED: plan, name"), {@code kind},
	 * {@code name} (companies and teams), and for a REMOVED item the whole {@code item} as the baseline sent it.
	 */
	public LineReader items() {
		return new LineReader(items);
	}

	/** The users whose address is sent for the first time, by user id: {@code userId}, {@code address}, {@code reason}. */
	public LineReader firstTimeEmails() {
		return new LineReader(emails);
	}

	/** The label of the item change of an item of tonight's payload, as a reader walking it in order asks for it. */
	public ChangeLabels labels() {
		return new ChangeLabels(changes == null ? null : items());
	}

	@Override
	public void close() {
		delete(items);
		delete(emails);
	}

	private static void delete(Path file) {
		if (file != null) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				// a leftover in the night's private work folder, swept with it
			}
		}
	}

	/** Writes the lines while the comparison streams. */
	private static final class Spool implements ChangeListener, AutoCloseable {

		private final BufferedWriter itemsOut;

		private final BufferedWriter emailsOut;

		private final boolean emailsIncluded;

		Spool(Path items, Path emails, boolean emailsIncluded) throws IOException {
			this.emailsIncluded = emailsIncluded;
			this.itemsOut = Files.newBufferedWriter(items, StandardCharsets.UTF_8);
			this.emailsOut = Files.newBufferedWriter(emails, StandardCharsets.UTF_8);
		}

		@Override
		public void itemChanged(ItemChange change) {
			Map<String, Object> line = new java.util.LinkedHashMap<>();
			line.put("section", change.section().key());
			line.put("id", change.id());
			line.put("kind", change.kind().name());
			line.put("change", change.label());
			if (change.section() == PayloadSection.COMPANIES || change.section() == PayloadSection.TEAMS) {
				line.put("name", String.valueOf(change.item().get("name")));
			}
			if (change.kind() == ChangeKind.REMOVED) {
				Map<String, Object> item = new java.util.LinkedHashMap<>(change.item());
				if (!emailsIncluded) {
					// a paid night's audit shows no address, not even one a free night before it sent
					item.remove("email");
				}
				line.put("item", item);
			}
			write(itemsOut, line);
		}

		@Override
		public void emailSentFirstTime(FirstTimeEmail email) {
			write(emailsOut, Map.of("userId", email.userId(), "address", email.address(), "reason",
					email.reason().words()));
		}

		private static void write(BufferedWriter out, Map<String, Object> line) {
			try {
				out.write(JSON.writeValueAsString(line));
				out.newLine();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot spool the night's changes: " + ex.getMessage(), ex);
			}
		}

		@Override
		public void close() throws IOException {
			try (itemsOut) {
				emailsOut.close();
			}
		}

	}

	/** Reads a spool forward, one line at a time ({@code null} at the end, or without a spool). */
	public static final class LineReader implements AutoCloseable {

		private final BufferedReader lines;

		LineReader(Path file) {
			try {
				this.lines = file == null ? null : Files.newBufferedReader(file, StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot read back the night's changes: " + ex.getMessage(), ex);
			}
		}

		public Map<String, Object> next() {
			try {
				String line = lines == null ? null : lines.readLine();
				return line == null ? null : JSON.readValue(line, LINE);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot read back the night's changes: " + ex.getMessage(), ex);
			}
		}

		public void forEach(Consumer<Map<String, Object>> each) {
			for (Map<String, Object> line; (line = next()) != null;) {
				each.accept(line);
			}
		}

		@Override
		public void close() {
			try {
				if (lines != null) {
					lines.close();
				}
			}
			catch (IOException ex) {
				// read only
			}
		}

	}

	/**
	 * The change of each item of tonight's payload, asked in payload order: the spool holds tonight's NEW and
	 * CHANGED items in that same order, with the REMOVED ones (which tonight has not) in between, so one pass
	 * forward answers every item.
	 */
	public static final class ChangeLabels implements AutoCloseable {

		private final LineReader reader;

		private Map<String, Object> next;

		ChangeLabels(LineReader reader) {
			this.reader = reader;
			this.next = reader == null ? null : reader.next();
		}

		/** NEW, "CHANGED: plan, name", or {@code null} when the item is unchanged (or nothing was compared). */
		public String of(PayloadSection section, Map<String, Object> item) {
			while (next != null && "REMOVED".equals(next.get("kind"))) {
				next = reader.next();
			}
			Object id = item.get(section == PayloadSection.CODE_REVIEWS ? "reviewId" : "id");
			if (next != null && section.key().equals(next.get("section")) && next.get("id").equals(id)) {
				String label = (String) next.get("change");
				next = reader.next();
				return label;
			}
			return null;
		}

		@Override
		public void close() {
			if (reader != null) {
				reader.close();
			}
		}

	}

}
