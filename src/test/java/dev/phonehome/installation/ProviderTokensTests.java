package dev.phonehome.installation;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

class ProviderTokensTests {

	@Test
	void tokenUnderATeamShouldCount() {
		assertThat(providers("{\"t1\": {\"github\": {\"accessToken\": \"gho_x\", \"userId\": \"1\"}}}"))
			.containsExactly("github");
	}

	@Test
	void tokenInASharedWorkspaceShouldCount() {
		assertThat(providers("{\"t1\": {\"slack\": {\"multiple\": {\"T01\": {\"accessToken\": \"xoxp\"}}}}}"))
			.containsExactly("slack");
	}

	@Test
	void enterpriseHostTokenShouldNotCount() {
		assertThat(providers("{\"t1\": {\"jiraserver\": {\"hosts\": {\"jira*acme*example\": {\"accessToken\": \"s\"}}}}}"))
			.isEmpty();
	}

	@Test
	void topLevelSignInShouldNotCount() {
		assertThat(providers("{\"bitbucket\": {\"accessToken\": \"s\", \"userId\": \"1\", \"hostUrl\": null}}"))
			.isEmpty();
	}

	@Test
	void emptyOrNonStringTokensAndNullsShouldNotCount() {
		assertThat(providers("{\"t1\": {\"trello\": {\"accessToken\": \"\"}, \"asana\": {\"accessToken\": 42},"
				+ " \"jira\": null, \"gitlab\": {\"multiple\": null}}, \"t2\": null}")).isEmpty();
	}

	@Test
	void providersShouldBeSortedAndUnique() {
		assertThat(providers("{\"t1\": {\"slack\": {\"accessToken\": \"a\"}, \"github\": {\"accessToken\": \"b\"}},"
				+ " \"t2\": {\"github\": {\"accessToken\": \"c\"}}}"))
			.containsExactly("github", "slack");
	}

	private static java.util.Set<String> providers(String providerInfo) {
		return ProviderTokens.providersWithToken(BsonDocument.parse(providerInfo));
	}

}
