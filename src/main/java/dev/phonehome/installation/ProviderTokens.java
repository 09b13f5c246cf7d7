package dev.phonehome.installation;

import java.util.Set;
import java.util.TreeSet;

import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Which providers a user holds a token for, by the contract's {@code integrations} rule:
 * {@code providerInfo.<K>.<provider>.accessToken} or {@code providerInfo.<K>.<provider>.multiple.<w>.accessToken}
 * is a non-empty string. Tokens under {@code .hosts.<host>} and top-level sign-in entries
 * ({@code providerInfo.<provider>.accessToken}) do not count. Nulls and odd shapes anywhere are simply not tokens.
 */
public final class ProviderTokens {

	private ProviderTokens() {
	}

	public static Set<String> providersWithToken(BsonDocument providerInfo) {
		Set<String> providers = new TreeSet<>();
		if (providerInfo == null) {
			return providers;
		}
		for (var byKey : providerInfo.entrySet()) {
			BsonDocument perKey = asDocument(byKey.getValue());
			// A sign-in entry holds its token directly: providerInfo.<provider>.accessToken. It is not an integration.
			if (perKey == null || perKey.containsKey("accessToken")) {
				continue;
			}
			for (var byProvider : perKey.entrySet()) {
				BsonDocument entry = asDocument(byProvider.getValue());
				if (entry != null && (hasToken(entry) || hasTokenInAnyWorkspace(asDocument(entry.get("multiple"))))) {
					providers.add(byProvider.getKey());
				}
			}
		}
		return providers;
	}

	private static boolean hasTokenInAnyWorkspace(BsonDocument multiple) {
		if (multiple == null) {
			return false;
		}
		return multiple.values().stream().map(ProviderTokens::asDocument).anyMatch(w -> w != null && hasToken(w));
	}

	private static boolean hasToken(BsonDocument entry) {
		BsonValue token = entry.get("accessToken");
		return token != null && token.isString() && !token.asString().getValue().isEmpty();
	}

	private static BsonDocument asDocument(BsonValue value) {
		return (value != null && value.isDocument()) ? value.asDocument() : null;
	}

}
