package dev.phonehome.changes;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import dev.phonehome.payload.EmailStatus;
import dev.phonehome.payload.PayloadCursor;
import dev.phonehome.payload.PayloadSection;

/**
 * Compares tonight's payload with the baseline night's, as one streaming merge: both payloads are sorted by section
 * and id, so each is read once, forward, with one item of each in memory ({@link BaselineCursor}); no map of
 * either night is ever built. The summary ({@link NightChanges}) is bounded whatever the size; the item-level
 * changes go to a {@link ChangeListener} as they are found.
 *
 * <p>
 * Two ways to use it. {@link #compare} reads tonight's payload itself. Or a caller already streaming tonight's
 * payload (the audit, writing a row per item) drives it: {@link #header}, then {@link #item} for every item in
 * payload order (its answer is the item's change, for a "change" column), then {@link #finish}; the baseline's
 * removed items reach the listener as the merge passes them.
 */
public final class NightComparison implements AutoCloseable {

	private static final List<String> HEADER_FIELDS = List.of("installationId", "installationVersion",
			"outboundEmailEnabled", "slackInteractiveComponentsEnabled");

	private final BaselineCursor baseline;

	private final Path baselineFile;

	private final ChangeListener listener;

	private final Map<PayloadSection, SectionTally> sections = new EnumMap<>(PayloadSection.class);

	private final DecisionTally decision = new DecisionTally();

	private final EmailTally emails = new EmailTally();

	private final MessageDigest digest = sha256();

	private final BiConsumer<PayloadSection, Map<String, Object>> onRemoved = this::removed;

	private Map<String, Object> header;

	private PayloadSection section;

	private String lastId;

	/** Tonight's payload, as error messages name it. */
	private Object tonight = "tonight's payload";

	private NightComparison(Path baselineFile, ChangeListener listener) {
		this.baselineFile = baselineFile;
		this.listener = listener;
		this.baseline = new BaselineCursor(baselineFile);
		if (night(baseline.header()) == null) {
			baseline.close();
			throw new IllegalStateException("the baseline " + baselineFile + " has no 'date': not a payload");
		}
		for (PayloadSection s : PayloadSection.values()) {
			sections.put(s, new SectionTally(s));
		}
	}

	/** A comparison with {@code baselinePayload}, to be driven item by item (see the class comment). */
	public static NightComparison against(Path baselinePayload, ChangeListener listener) {
		return new NightComparison(baselinePayload, listener);
	}

	/** Compares two archived payload files: tonight's {@code payload} with {@code baselinePayload}. */
	public static NightChanges compare(Path payload, Path baselinePayload, ChangeListener listener) {
		try (PayloadCursor tonight = PayloadCursor.open(payload);
				NightComparison comparison = against(baselinePayload, listener)) {
			comparison.tonight = payload;
			comparison.header(tonight.header());
			for (PayloadSection s; (s = tonight.section()) != null;) {
				Map<String, Object> item = tonight.nextItem();
				if (item != null) {
					comparison.item(s, item);
				}
			}
			return comparison.finish();
		}
	}

	/** Tonight's header fields ({@code date} ... {@code integrations}), before any item. */
	public void header(Map<String, Object> header) {
		if (night(header) == null) {
			throw new IllegalStateException(tonight + " has no 'date': not a payload");
		}
		this.header = new LinkedHashMap<>(header);
	}

	/**
	 * One item of tonight's payload, in payload order.
	 *
	 * @return its change ({@link ChangeKind#NEW} or {@link ChangeKind#CHANGED}), or {@code null} when it is unchanged
	 */
	public ItemChange item(PayloadSection section, Map<String, Object> item) {
		if (header == null) {
			throw new IllegalStateException("the header of " + tonight + " comes before its items");
		}
		String id = IdOrder.id(section, item, tonight);
		OutOfOrderException.check(tonight, this.section, lastId, section, id);
		this.section = section;
		this.lastId = id;
		Map<String, Object> before = baseline.match(section, id, onRemoved);
		SectionTally tally = sections.get(section);
		if (section == PayloadSection.COMPANIES) {
			decision.company(before, item);
		}
		if (section == PayloadSection.USERS) {
			emails(id, before, item);
		}
		if (before == null) {
			return changed(new ItemChange(section, id, ChangeKind.NEW, item, List.of()));
		}
		if (ItemComparison.activityChanged(section, before, item)) {
			tally.activityChanged();
		}
		List<FieldChange> fields = ItemComparison.fields(section, before, item);
		if (fields.isEmpty()) {
			tally.unchanged();
			return null;
		}
		return changed(new ItemChange(section, id, ChangeKind.CHANGED, item, fields));
	}

	/** Ends the comparison: the baseline's items left over were removed. */
	public NightChanges finish() {
		if (header == null) {
			throw new IllegalStateException("the header of " + tonight + " was never given");
		}
		baseline.drain(onRemoved);
		List<HeaderField> headerFields = new ArrayList<>();
		for (String field : HEADER_FIELDS) {
			headerFields.add(new HeaderField(field, text(baseline.header().get(field)), text(header.get(field))));
		}
		List<String> before = integrations(baseline.header());
		List<String> after = integrations(header);
		List<SectionChanges> sectionChanges = sections.values().stream().map(SectionTally::toChanges).toList();
		return new NightChanges(night(header), night(baseline.header()), headerFields,
				after.stream().filter(name -> !before.contains(name)).toList(),
				before.stream().filter(name -> !after.contains(name)).toList(), decision.toChange(), sectionChanges,
				emails.toChanges(), HexFormat.of().formatHex(digest.digest()));
	}

	private void removed(PayloadSection section, Map<String, Object> item) {
		if (section == PayloadSection.COMPANIES) {
			decision.company(item, null);
		}
		changed(new ItemChange(section, IdOrder.id(section, item, baselineFile), ChangeKind.REMOVED, item, List.of()));
	}

	private ItemChange changed(ItemChange change) {
		sections.get(change.section()).add(change);
		digest(change.section().key() + '\t' + change.id() + '\t' + change.kind() + '\t'
				+ String.join(",", change.fieldNames()));
		listener.itemChanged(change);
		return change;
	}

	private void emails(String id, Map<String, Object> before, Map<String, Object> after) {
		if (before != null) {
			emails.status(EmailStatus.of(before), EmailStatus.of(after));
		}
		FirstTimeEmail.Reason reason = ItemComparison.firstTimeReason(before, after);
		if (reason != null) {
			emails.firstTime(reason);
			digest("email\t" + id + '\t' + reason);
			listener.emailSentFirstTime(new FirstTimeEmail(id, (String) after.get(ItemComparison.EMAIL), reason));
		}
	}

	private void digest(String line) {
		digest.update((line + '\n').getBytes(StandardCharsets.UTF_8));
	}

	@SuppressWarnings("unchecked")
	private static List<String> integrations(Map<String, Object> header) {
		Object integrations = header.get("integrations");
		return integrations == null ? List.of() : (List<String>) integrations;
	}

	private static LocalDate night(Map<String, Object> header) {
		Object date = header.get("date");
		return date instanceof Number millis
				? LocalDate.ofInstant(Instant.ofEpochMilli(millis.longValue()), ZoneOffset.UTC) : null;
	}

	private static String text(Object value) {
		return value == null ? null : value.toString();
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		baseline.close();
	}

}
