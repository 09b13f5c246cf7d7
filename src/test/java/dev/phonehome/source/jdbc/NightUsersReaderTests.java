package dev.phonehome.source.jdbc;

import static dev.phonehome.source.StreamReaders.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import dev.phonehome.record.NightWindow;
import dev.phonehome.source.User;

/**
 * The one-pass users reader against the per-user query it replaced, on a store with every kind of post (reviews,
 * codemarks in and out of reviews, missing codemarks, replies, plain posts, creators who are not users, posts
 * either side of the window) and admins: the same users, the same counts; and after a failure it resumes after its
 * last committed item with the same items.
 */
class NightUsersReaderTests {

	private static final NightWindow NIGHT = NightWindow.of(LocalDate.of(2026, 11, 20));

	private static final DataSource STORE = new DriverManagerDataSource(
			"jdbc:h2:mem:night-users-reader;DB_CLOSE_DELAY=-1", "sa", "");

	@BeforeAll
	static void store() {
		new ResourceDatabasePopulator(new ClassPathResource("store/schema-h2.sql")).execute(STORE);
		JdbcTemplate jdbc = new JdbcTemplate(STORE);
		SplittableRandom random = new SplittableRandom(7);
		for (int u = 0; u < 300; u++) {
			jdbc.update(
					"INSERT INTO users (id, email, is_registered, deactivated, registered_at) VALUES (?, ?, ?, ?, ?)",
					userId(u), "u" + u + "@example.com", u % 7 != 0, u % 31 == 0,
					u % 5 == 0 ? null : 1_700_000_000_000L + u);
		}
		for (int t = 0; t < 10; t++) {
			jdbc.update("INSERT INTO team_admins (team_id, user_id) VALUES (?, ?)", "t" + t, userId(t * 3));
			// an admin of a team they do not belong to is no admin
			if (t % 2 == 0) {
				jdbc.update("INSERT INTO user_teams (user_id, team_id) VALUES (?, ?)", userId(t * 3), "t" + t);
			}
		}
		for (int c = 0; c < 400; c++) {
			jdbc.update("INSERT INTO codemarks (id, review_id, created_at) VALUES (?, ?, ?)", "cm" + c,
					c % 3 == 0 ? "r" + c : null, NIGHT.startMillis());
		}
		long span = NIGHT.endMillis() - NIGHT.startMillis() + 7_200_000;
		for (int p = 0; p < 5_000; p++) {
			int kind = random.nextInt(5);
			String creator = random.nextInt(50) == 0 ? "ghost-" + p : userId((int) Math.sqrt(random.nextInt(90_000)));
			long createdAt = NIGHT.startMillis() - 3_600_000 + random.nextLong(span);
			jdbc.update(
					"INSERT INTO posts (id, creator_id, created_at, codemark_id, review_id, parent_post_id)"
							+ " VALUES (?, ?, ?, ?, ?, ?)",
					String.format("p%05d", p), creator, createdAt,
					(kind == 1 || kind == 4) ? "cm" + random.nextInt(450) : null, kind == 0 ? "r" + p : null,
					(kind >= 2 && random.nextBoolean()) ? "p0" : null);
		}
	}

	private static String userId(int u) {
		return String.format("6a%022x", u);
	}

	@Test
	void onePassShouldGiveTheUsersAndCountsOfThePerUserQuery() throws Exception {
		List<User> onePass = readAll(reader(Long.MAX_VALUE), new ExecutionContext());
		List<User> perUser = readAll(reader(0), new ExecutionContext());

		assertThat(onePass).hasSize(300).isEqualTo(perUser);
		assertThat(onePass).filteredOn(u -> u.codemarks() > 0).isNotEmpty();
		assertThat(onePass).filteredOn(u -> u.codemarksInReviews() > 0).isNotEmpty();
		assertThat(onePass).filteredOn(u -> u.reviews() > 0).isNotEmpty();
		assertThat(onePass).filteredOn(u -> u.replies() > 0).isNotEmpty();
		assertThat(onePass).filteredOn(User::isAdmin)
			.extracting(User::id)
			.containsExactly(userId(0), userId(6), userId(12), userId(18), userId(24));
	}

	@Test
	void aFailedStepShouldResumeAfterItsLastCommittedUserWithTheSameUsers() throws Exception {
		// given: a first attempt committed 120 users, then failed
		ExecutionContext committed = new ExecutionContext();
		NightUsersReader first = reader(Long.MAX_VALUE);
		first.open(committed);
		List<User> written = new ArrayList<>();
		for (int i = 0; i < 120; i++) {
			written.add(first.read());
		}
		first.update(committed);
		first.read(); // read, never committed
		first.close();

		// when: the step is restarted from its committed state
		written.addAll(readAll(reader(Long.MAX_VALUE), committed));

		// then
		assertThat(written).isEqualTo(readAll(reader(Long.MAX_VALUE), new ExecutionContext()));
	}

	/** {@code tallyBound} 0: the tally cannot grow past its first arrays, so the reader counts per user. */
	private static NightUsersReader reader(long tallyBound) {
		return new NightUsersReader(STORE, NIGHT, true, 7, tallyBound);
	}

}
