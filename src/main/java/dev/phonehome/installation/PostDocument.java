package dev.phonehome.installation;

/** The fields phonehome keeps of a {@code posts} document (never its text). */
public record PostDocument(String id, String creatorId, Long createdAt, String codemarkId, String reviewId,
		String parentPostId) {
}
