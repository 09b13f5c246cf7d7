package dev.phonehome.payload;

/** The payload's four arrays, in the order they are sent. */
public enum PayloadSection {

	COMPANIES("companies", "company"), TEAMS("teams", "team"), USERS("users", "user"),
	CODE_REVIEWS("codeReviews", "codeReview");

	private final String key;

	private final String itemDefinition;

	PayloadSection(String key, String itemDefinition) {
		this.key = key;
		this.itemDefinition = itemDefinition;
	}

	/** The key of the array in the payload. */
	public String key() {
		return key;
	}

	/** The name of the item's definition under {@code $defs} in payload.schema.json. */
	public String itemDefinition() {
		return itemDefinition;
	}

	/** The section whose array has {@code key} in the payload; {@code null} for any other key. */
	public static PayloadSection ofKey(String key) {
		for (PayloadSection section : values()) {
			if (section.key.equals(key)) {
				return section;
			}
		}
		return null;
	}

	/** The file a section is staged in while the night's payload is being assembled, one JSON item a line. */
	public String partFileName() {
		return key + ".jsonl";
	}

}
