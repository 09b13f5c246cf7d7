package dev.phonehome.changes;

/**
 * Receives the item-level changes while the two payloads stream past, in their order (by section, then by id):
 * what the night's summary cannot hold, because it may be as large as the payload or hold addresses. An
 * implementation keeps what it needs (the audit's tables, a file, a count), and keeps it bounded.
 */
public interface ChangeListener {

	ChangeListener NONE = new ChangeListener() {
	};

	/** An item added, removed or changed; never called for an unchanged one, nor for activity alone. */
	default void itemChanged(ItemChange change) {
	}

	/** An address tonight's payload sends and the baseline's did not. */
	default void emailSentFirstTime(FirstTimeEmail email) {
	}

}
