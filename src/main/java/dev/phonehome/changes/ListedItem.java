package dev.phonehome.changes;

import java.util.List;

/** A company or team that changed, as the night's record lists it: names and field names, never values. */
public record ListedItem(String id, String name, ChangeKind change, List<String> fields) {

	public ListedItem {
		fields = List.copyOf(fields);
	}

}
