package dev.phonehome.source;

/** A company as the payload sends it. {@code plan} is the source's value as stored, {@code null} when none. */
public record Company(String id, String name, boolean isDeactivated, Long createdAt, String creatorId, String plan) {
}
