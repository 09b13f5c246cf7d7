package dev.phonehome.changes;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What changed in a night's payload since the baseline night: the part of the changes that belongs in the
 * night's record. It holds counts, ids, names, plans and field names, never an address, and its size does not
 * grow with the installation: four header fields, the integrations (a few dozen providers at most), four
 * sections of at most 15 field counts each, and lists capped at {@link #LIST_CAP} with a count of the rest.
 * The item-level changes themselves are streamed to a {@link ChangeListener}.
 *
 * @param night tonight, read from the payload's {@code date}
 * @param baselineNight the night compared with; {@code null} when there was none (see {@link #withoutBaseline})
 * @param header the four header fields on both nights ({@code installationId}, {@code installationVersion},
 * {@code outboundEmailEnabled}, {@code slackInteractiveComponentsEnabled})
 * @param decision {@code null} without a baseline
 * @param sections one per payload section, in payload order; empty without a baseline
 * @param emails {@code null} without a baseline
 * @param sha256 SHA-256 of every item-level change in order (section, id, kind and field names; the ids of the
 * users whose address was sent for the first time, with the reason but without the address): proves that a list
 * shown elsewhere (the audit) is the one recorded; {@code null} without a baseline
 */
public record NightChanges(LocalDate night, LocalDate baselineNight, List<HeaderField> header,
		List<String> integrationsAdded, List<String> integrationsRemoved, DecisionChange decision,
		List<SectionChanges> sections, EmailChanges emails, String sha256) {

	/** The most companies, teams or plan changes the record lists by name; the rest are counted. */
	public static final int LIST_CAP = 50;

	public NightChanges {
		header = List.copyOf(header);
		integrationsAdded = List.copyOf(integrationsAdded);
		integrationsRemoved = List.copyOf(integrationsRemoved);
		sections = List.copyOf(sections);
	}

	/**
	 * The first night ever, or one whose caller decided there is no night to compare with (the first after a gap):
	 * no baseline is invented, and nothing is counted as new.
	 */
	public static NightChanges withoutBaseline(LocalDate night) {
		return new NightChanges(night, null, List.of(), List.of(), List.of(), null, List.of(), null, null);
	}

	public boolean hasBaseline() {
		return baselineNight != null;
	}

	/** The baseline is the night before. */
	public boolean consecutive() {
		return hasBaseline() && baselineNight.plusDays(1).equals(night);
	}

	/** Nights strictly between the baseline and tonight (0 for consecutive nights). */
	public long nightsBetween() {
		return hasBaseline() ? Math.max(0, ChronoUnit.DAYS.between(baselineNight, night) - 1) : 0;
	}

	public SectionChanges section(String key) {
		return sections.stream().filter(s -> s.section().equals(key)).findFirst().orElseThrow();
	}

	/** One line for the run summary and the history. */
	public String oneLine() {
		if (!hasBaseline()) {
			return "no earlier night to compare with";
		}
		List<String> parts = new ArrayList<>();
		header.stream()
			.filter(HeaderField::changed)
			.forEach(h -> parts.add(h.field() + " " + h.before() + " -> " + h.after()));
		integrationsAdded.forEach(name -> parts.add("+" + name));
		integrationsRemoved.forEach(name -> parts.add("-" + name));
		parts.add(decision.changed() ? (decision.emailsIncludedAfter() ? "emails now included" : "emails now redacted")
				: (decision.emailsIncludedAfter() ? "emails still included" : "emails still redacted"));
		for (SectionChanges s : sections) {
			if (s.anyChange() || s.activityChanged() > 0) {
				parts.add(s.section() + " " + counts(s));
			}
		}
		if (emails.firstTimeSent() > 0) {
			parts.add(emails.firstTimeSent() + " addresses sent for the first time");
		}
		return "since " + baselineNight + (consecutive() ? "" : " (" + nightsBetween() + " nights between)") + ": "
				+ String.join(", ", parts);
	}

	/** {@code +1 -0 ~3 (activity 16)}: new, removed, changed, and users whose activity changed. */
	static String counts(SectionChanges s) {
		return "+" + s.added() + " -" + s.removed() + " ~" + s.changed()
				+ (s.activityChanged() > 0 ? " (activity " + s.activityChanged() + ")" : "");
	}

	/** The changed fields with their counts: {@code plan 1, name 2}. */
	static String fields(SectionChanges s) {
		return s.fieldsChanged()
			.entrySet()
			.stream()
			.map(e -> e.getKey() + " " + e.getValue())
			.collect(Collectors.joining(", "));
	}

}
