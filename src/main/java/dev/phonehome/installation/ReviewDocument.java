package dev.phonehome.installation;

/** The fields phonehome keeps of a {@code reviews} document. */
public record ReviewDocument(String id, String teamId, Long createdAt, Long approvedAt, String creatorId) {
}
