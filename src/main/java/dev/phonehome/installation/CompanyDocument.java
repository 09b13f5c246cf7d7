package dev.phonehome.installation;

/** The fields phonehome keeps of a {@code companies} document. */
public record CompanyDocument(String id, String name, String plan, boolean deactivated, Long createdAt,
		String creatorId) {
}
