package dev.phonehome.installation;

/** The fields phonehome keeps of a {@code codemarks} document. */
public record CodemarkDocument(String id, String reviewId, Long createdAt) {
}
