package dev.phonehome.installation;

import java.util.List;
import java.util.Set;

/**
 * The fields phonehome keeps of a {@code users} document. Of {@code providerInfo} only the providers for which
 * the user holds a token are kept, never a token.
 */
public record UserDocument(String id, String email, boolean isRegistered, boolean deactivated, Long registeredAt,
		String joinMethod, Long lastLogin, String lastOrigin, String lastOriginDetail, String externalUserId,
		List<String> teamIds, Set<String> providersWithToken) {
}
