package dev.phonehome.dump;

/** A parsed document and the line it came from. */
public record DumpRecord<T>(int line, String id, T document) {
}
