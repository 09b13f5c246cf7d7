package dev.phonehome.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.phonehome.source.CodeReview;
import dev.phonehome.source.Company;
import dev.phonehome.source.Team;
import dev.phonehome.source.User;
import dev.phonehome.testing.PayloadFile;

/**
 * Two consecutive nights' payloads of a synthetic free installation with about 1% of its items changed, every
 * value a hash of the seed and the item's index, so the same seed gives the same files. While it writes them it
 * counts what it made different, in the same terms as {@code NightChanges}: what the comparison must find.
 *
 * <p>Per 1,000 users: 2 removed, 2 new, 6 changed (an admin flag, a join method, a deactivation, a new address,
 * a client, an address where there was none); every user's activity (counts and last login) is drawn per night.
 * 1% of companies change plan (free to trial) and 1% of teams their name; the code reviews are the night's window,
 * half of them the same as the night before.
 */
final class SyntheticNights {

	static final LocalDate BEFORE = LocalDate.parse("2026-11-20");

	static final LocalDate TONIGHT = LocalDate.parse("2026-11-21");

	private static final int PROFILE = 1;

	private static final int ACTIVITY_BEFORE = 2;

	private static final int ACTIVITY_TONIGHT = 6;

	private static final int LOGIN = 7;

	private static final int COMPANY = 3;

	private static final int TEAM = 4;

	private static final int REVIEW = 5;

	private final int users;

	private final long seed;

	private final Map<String, Long> expected = new TreeMap<>();

	SyntheticNights(int users, long seed) {
		this.users = users;
		this.seed = seed;
	}

	/**
	 * Writes the night before and tonight.
	 *
	 * @return what changed, by {@code section.count} ({@code users.added}, ..., {@code users.activityChanged},
	 * {@code emails.firstTimeSent}), as {@code ChangesProbe} reports what it found
	 */
	Map<String, Long> write(Path before, Path tonight) {
		try (PayloadFile a = PayloadFile.create(before, BEFORE, "8.2.26", true, List.of("github", "jira"));
				PayloadFile b = PayloadFile.create(tonight, TONIGHT, "8.2.27", true, List.of("github", "jira", "slack"))) {
			companies(a, b);
			teams(a, b);
			users(a, b);
			codeReviews(a, b);
		}
		return expected;
	}

	private void companies(PayloadFile a, PayloadFile b) {
		int companies = Math.max(1, users / 1000);
		for (int c = 0; c < companies; c++) {
			boolean changed = mix(COMPANY, c) % 100 == 0;
			a.company(new Company(id(1, c), "Company " + c, false, 1_700_000_000_000L + c, id(3, c), "FREEPLAN"));
			b.company(new Company(id(1, c), "Company " + c, false, 1_700_000_000_000L + c, id(3, c),
					changed ? "14DAYTRIAL" : "FREEPLAN"));
			count("companies", changed ? "changed" : "unchanged");
		}
	}

	private void teams(PayloadFile a, PayloadFile b) {
		int teams = Math.max(1, users / 100);
		int companies = Math.max(1, users / 1000);
		for (int t = 0; t < teams; t++) {
			boolean changed = mix(TEAM, t) % 100 == 0;
			a.team(team(t, companies, "Team " + t));
			b.team(team(t, companies, changed ? "Team " + t + " (renamed)" : "Team " + t));
			count("teams", changed ? "changed" : "unchanged");
		}
	}

	private static Team team(int t, int companies, String name) {
		return new Team(id(2, t), name, id(1, t % companies), false, 1_700_000_000_000L + t, id(3, t), null, null,
				null);
	}

	private void users(PayloadFile a, PayloadFile b) {
		for (int u = 0; u < users; u++) {
			long bucket = mix(PROFILE, u) % 1000;
			boolean removed = bucket < 2;
			boolean added = bucket >= 2 && bucket < 4;
			int change = bucket >= 4 && bucket < 10 ? (int) bucket - 4 : -1;
			User before = user(u, BEFORE, change, false);
			User after = user(u, TONIGHT, change, true);
			if (!added) {
				a.user(before);
			}
			if (!removed) {
				b.user(after);
			}
			if (removed || added) {
				count("users", removed ? "removed" : "added");
				if (added) {
					count("emails", "firstTimeSent");
				}
				continue;
			}
			count("users", change >= 0 ? "changed" : "unchanged");
			if (change == 3 || change == 5) {
				count("emails", "firstTimeSent");
			}
			if (before.codemarks() != after.codemarks() || before.replies() != after.replies()
					|| !before.lastLogin().equals(after.lastLogin())) {
				count("users", "activityChanged");
			}
		}
	}

	/**
	 * User {@code u} on {@code night}; tonight ({@code tonight} true) with its change: 0 admin flag, 1 join method,
	 * 2 deactivated, 3 another address, 4 another client, 5 an address where the night before had none. About 30%
	 * of the users are active on a night: they logged in that night and may have posted.
	 */
	private User user(int u, LocalDate night, int change, boolean tonight) {
		long activity = mix(tonight ? ACTIVITY_TONIGHT : ACTIVITY_BEFORE, u);
		boolean active = activity % 10 < 3;
		long lastLogin = active ? night.toEpochDay() * 86_400_000L + activity % 86_400_000L
				: BEFORE.toEpochDay() * 86_400_000L - mix(LOGIN, u) % (30 * 86_400_000L);
		String email = change == 5 && !tonight ? null
				: "user" + u + (change == 3 && tonight ? ".new" : "") + "@example.org";
		boolean admin = (u % 40 == 0) ^ (change == 0 && tonight);
		boolean other = tonight && change >= 0;
		return new User(id(3, u), email, true, other && change == 2, admin, 1_700_000_000_000L + u,
				other && change == 1 ? "Joined Team by Domain" : "Added to Team", lastLogin,
				other && change == 4 ? "JetBrains" : "VS Code",
				other && change == 4 ? "IntelliJ IDEA" : "Visual Studio Code", active ? activity % 4 : 0, 0, 0,
				active ? activity % 5 : 0);
	}

	private void codeReviews(PayloadFile a, PayloadFile b) {
		int reviews = Math.max(2, users / 250);
		int shift = reviews / 2;
		for (int r = 0; r < reviews + shift; r++) {
			boolean inBefore = r < reviews;
			boolean inTonight = r >= shift;
			boolean approvedTonight = inBefore && inTonight && mix(REVIEW, r) % 100 == 0;
			long created = BEFORE.toEpochDay() * 86_400_000L + r;
			if (inBefore) {
				a.codeReview(new CodeReview(id(2, r % 7), id(4, r), created, null));
			}
			if (inTonight) {
				b.codeReview(new CodeReview(id(2, r % 7), id(4, r), created,
						approvedTonight ? TONIGHT.toEpochDay() * 86_400_000L + r : null));
			}
			count("codeReviews", !inTonight ? "removed" : !inBefore ? "added" : approvedTonight ? "changed" : "unchanged");
		}
	}

	private void count(String section, String what) {
		expected.merge(section + "." + what, 1L, Long::sum);
	}

	private long mix(int stream, long index) {
		return SyntheticInstallation.mix(seed, stream, index);
	}

	/** Ids like ObjectIds (24 hex digits), in index order. */
	private static String id(int kind, long index) {
		return String.format("6b%02x%020x", kind, index);
	}

}
