package dev.phonehome.changes;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One payload section compared with the baseline's, item by item by id.
 *
 * @param section the section's key in the payload ({@code companies}, {@code teams}, {@code users},
 * {@code codeReviews})
 * @param changed items in both nights with a field other than the daily activity different
 * @param unchanged items in both nights with no such difference (their activity may differ)
 * @param activityChanged users whose daily activity ({@code lastLogin} and the four counts) differs, whether or not
 * they changed otherwise; always 0 for the other sections
 * @param fieldsChanged per field, how many changed items it differs in (fields in the order first met)
 * @param listed companies and teams only: the new, removed and changed ones, at most {@link NightChanges#LIST_CAP}
 * @param notListed how many more there were
 */
public record SectionChanges(String section, long added, long removed, long changed, long unchanged,
		long activityChanged, Map<String, Long> fieldsChanged, List<ListedItem> listed, long notListed) {

	public SectionChanges {
		fieldsChanged = Collections.unmodifiableMap(new LinkedHashMap<>(fieldsChanged));
		listed = List.copyOf(listed);
	}

	public boolean anyChange() {
		return added + removed + changed > 0;
	}

}
