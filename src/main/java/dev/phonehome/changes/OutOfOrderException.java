package dev.phonehome.changes;

import dev.phonehome.payload.PayloadSection;

/**
 * A payload whose items are not sorted by id, or whose sections are out of order: the two payloads cannot be
 * merged in one pass, and a comparison would be wrong, so none is made.
 */
public class OutOfOrderException extends IllegalStateException {

	OutOfOrderException(String message) {
		super(message);
	}

	/** Fails unless the item ({@code section}, {@code id}) may follow ({@code previousSection}, {@code previousId}). */
	static void check(Object file, PayloadSection previousSection, String previousId, PayloadSection section,
			String id) {
		if (previousSection == null || previousSection.ordinal() < section.ordinal()) {
			return;
		}
		if (previousSection != section) {
			throw new OutOfOrderException("the payload " + file + " has its sections out of order: " + section.key()
					+ " after " + previousSection.key());
		}
		if (IdOrder.compare(previousId, id) >= 0) {
			throw new OutOfOrderException("the payload " + file + " is not sorted by id: in " + section.key() + ", '"
					+ id + "' comes after '" + previousId + "' (the contract sorts every array by id, as strings)");
		}
	}

}
