package dev.phonehome.source;

/** A review created or approved in the night, as the payload sends it. */
public record CodeReview(String teamId, String reviewId, Long createdAt, Long approvedAt) {
}
