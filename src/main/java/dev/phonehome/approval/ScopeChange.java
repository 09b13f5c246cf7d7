package dev.phonehome.approval;

/**
 * A way a night's scope can differ from the last approved one; {@code phonehome.approval.required-when} lists those
 * that hold a night for approval (written {@code emails-on}, {@code fields}, {@code integrations}, {@code version},
 * {@code first-night}).
 */
public enum ScopeChange {

	/** Users' addresses are sent, and were not under the last approved scope. */
	EMAILS_ON,
	/** The payload's field set (the contract, {@code payload.schema.json}) is not the approved one. */
	FIELDS,
	/** The payload names integrations the approved scope did not (or no longer names some). */
	INTEGRATIONS,
	/** The installation's version changed. */
	VERSION,
	/** No scope was ever approved: the installation's first night through the gate. */
	FIRST_NIGHT

}
