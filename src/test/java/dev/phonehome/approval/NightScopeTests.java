package dev.phonehome.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** How a night's scope differs from the approved one, change by change, in the words the summary and audit show. */
class NightScopeTests {

	private static final NightScope APPROVED = new NightScope(false, "c1", List.of("github", "jira"), "8.2.26");

	@Test
	void noApprovedScopeShouldBeTheFirstNightOnly() {
		assertThat(APPROVED.differencesFrom(null)).extracting(NightScope.Difference::change)
			.containsExactly(ScopeChange.FIRST_NIGHT);
	}

	@Test
	void theSameScopeShouldDifferInNothing() {
		assertThat(new NightScope(false, "c1", List.of("jira", "github"), "8.2.26").differencesFrom(APPROVED))
			.isEmpty();
	}

	@Test
	void emailsTurningOffShouldNotCountButTurningOnShould() {
		NightScope on = new NightScope(true, "c1", List.of("github", "jira"), "8.2.26");
		assertThat(APPROVED.differencesFrom(on)).isEmpty();
		assertThat(on.differencesFrom(APPROVED)).extracting(NightScope.Difference::change)
			.containsExactly(ScopeChange.EMAILS_ON);
	}

	@Test
	void everyOtherChangeShouldBeNamedWithWhatChanged() {
		NightScope changed = new NightScope(false, "c2", List.of("github", "trello"), "8.2.27");

		assertThat(changed.differencesFrom(APPROVED)).extracting(NightScope.Difference::change, NightScope.Difference::words)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple(ScopeChange.FIELDS,
							"the payload's field set changed (contract c1 -> c2)"),
					org.assertj.core.groups.Tuple.tuple(ScopeChange.INTEGRATIONS,
							"integrations changed (added trello) (removed jira)"),
					org.assertj.core.groups.Tuple.tuple(ScopeChange.VERSION,
							"the installation's version changed (8.2.26 -> 8.2.27)"));
	}

}
