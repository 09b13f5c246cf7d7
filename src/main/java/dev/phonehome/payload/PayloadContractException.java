package dev.phonehome.payload;

import java.util.List;

/** A payload that does not match payload.schema.json: it is never archived or sent (the privacy guard). */
public class PayloadContractException extends RuntimeException {

	private final List<String> violations;

	public PayloadContractException(List<String> violations) {
		super("the payload breaks the contract (jobs/phone-home/payload.schema.json), so it was not archived: "
				+ String.join("; ", violations.subList(0, Math.min(5, violations.size())))
				+ (violations.size() > 5 ? "; and " + (violations.size() - 5) + " more" : ""));
		this.violations = List.copyOf(violations);
	}

	public List<String> violations() {
		return violations;
	}

}
