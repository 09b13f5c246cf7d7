package dev.phonehome.console.access;

/** What a console user did, as the access log records it. */
public enum Action {

	/** Read a page. */
	VIEW,
	/** Read users (and, for a free installation, their addresses) in a payload's preview. */
	PAYLOAD_PREVIEW,
	/** Downloaded or opened an archived file. */
	DOWNLOAD,
	/** Exported the access log. */
	EXPORT,
	APPROVE,
	REJECT,
	/** Was refused (no role for it, or a form without its CSRF token). */
	DENIED

}
