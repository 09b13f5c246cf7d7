package dev.phonehome.changes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.phonehome.payload.PayloadSection;

/** The counts of one section while the payloads stream past; bounded by its fields and the list cap. */
final class SectionTally {

	private final PayloadSection section;

	private long added;

	private long removed;

	private long changed;

	private long unchanged;

	private long activityChanged;

	private final Map<String, Long> fieldsChanged = new LinkedHashMap<>();

	private final List<ListedItem> listed = new ArrayList<>();

	private long notListed;

	SectionTally(PayloadSection section) {
		this.section = section;
	}

	void unchanged() {
		unchanged++;
	}

	void activityChanged() {
		activityChanged++;
	}

	void add(ItemChange change) {
		switch (change.kind()) {
			case NEW -> added++;
			case REMOVED -> removed++;
			case CHANGED -> {
				changed++;
				change.fields().forEach(field -> fieldsChanged.merge(field.field(), 1L, Long::sum));
			}
		}
		if (section == PayloadSection.COMPANIES || section == PayloadSection.TEAMS) {
			if (listed.size() < NightChanges.LIST_CAP) {
				listed.add(new ListedItem(change.id(), String.valueOf(change.item().get("name")), change.kind(),
						change.fieldNames()));
			}
			else {
				notListed++;
			}
		}
	}

	SectionChanges toChanges() {
		return new SectionChanges(section.key(), added, removed, changed, unchanged, activityChanged, fieldsChanged,
				listed, notListed);
	}

}
