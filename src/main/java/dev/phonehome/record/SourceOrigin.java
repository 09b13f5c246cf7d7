package dev.phonehome.record;

/** What decided where a night's data comes from, in the order they count. */
public enum SourceOrigin {

	/** {@code run --source}. */
	FLAG,
	/** The property {@code phonehome.source} (or its old name {@code phonehome.source.mongodb-uri}). */
	PROPERTY,
	/** {@code storage.mongo.url} of the services config. */
	CONFIG,
	/** Nothing said otherwise: the embedded store. */
	DEFAULT

}
