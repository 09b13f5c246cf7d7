package dev.phonehome.changes;

/** How an item differs from the baseline night's item with the same id (unchanged items are not reported). */
public enum ChangeKind {

	/** In tonight's payload, not in the baseline's. */
	NEW,
	/** In the baseline's payload, not in tonight's. */
	REMOVED,
	/** In both, with at least one field other than the daily activity different. */
	CHANGED

}
