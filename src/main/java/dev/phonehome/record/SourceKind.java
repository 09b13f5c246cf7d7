package dev.phonehome.record;

/** Where a night's data was read: the embedded store (loaded by {@code import}), or the installation's MongoDB. */
public enum SourceKind {

	EMBEDDED, MONGODB

}
