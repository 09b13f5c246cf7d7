package dev.phonehome.installation;

import java.util.List;

/** The fields phonehome keeps of a {@code teams} document; settings are kept raw, defaults apply when read. */
public record TeamDocument(String id, String name, String companyId, boolean deactivated, Long createdAt,
		String creatorId, String xray, String reviewApproval, String reviewAssignment, List<String> adminIds) {
}
