package dev.phonehome.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark harness on its smallest size (a few seconds): the data is reproducible from the seed, and a night
 * and the raw floor run in child JVMs and report every step the job repository recorded. Timings are printed by
 * {@code ops/bench}, never asserted. These test the harness, not the product, so they stay out of the default
 * build: {@code mvn test -Dexcluded.groups= -Dtest=BenchHarnessTests}.
 */
@Tag("bench")
class BenchHarnessTests {

	private static final List<String> TABLES = List.of("companies", "teams", "team_admins", "users", "user_teams",
			"user_providers", "posts", "codemarks", "reviews");

	@Test
	void generatorShouldWriteTheSameRowsForTheSameSeed() throws Exception {
		// given / when
		String first = digestOfGenerated(42, "first");
		String again = digestOfGenerated(42, "again");
		String otherSeed = digestOfGenerated(7, "other");
		// then
		assertThat(again).isEqualTo(first);
		assertThat(otherSeed).isNotEqualTo(first);
	}

	@Test
	void generatorShouldWriteTheSizesCountsAndShapes() throws Exception {
		// given
		BenchSize s = BenchSize.S;
		try (Connection c = DriverManager.getConnection("jdbc:h2:mem:shapes;DB_CLOSE_DELAY=-1")) {
			// when
			new SyntheticInstallation(s, 42).writeTo(c);
			// then
			assertThat(count(c, "SELECT COUNT(*) FROM users")).isEqualTo(s.users());
			assertThat(count(c, "SELECT COUNT(*) FROM teams")).isEqualTo(s.teams());
			assertThat(count(c, "SELECT COUNT(*) FROM companies")).isEqualTo(s.companies());
			assertThat(count(c, "SELECT COUNT(*) FROM posts")).isEqualTo(s.posts());
			assertThat(count(c, "SELECT COUNT(*) FROM reviews")).isEqualTo(s.reviews());
			long start = dev.phonehome.record.NightWindow.of(SyntheticInstallation.NIGHT).startMillis();
			assertThat(count(c, "SELECT COUNT(*) FROM posts WHERE created_at >= " + start + " AND created_at < "
					+ (start + 86_400_000L))).isEqualTo(s.nightPosts());
			assertThat(count(c, "SELECT COUNT(*) FROM team_admins")).isEqualTo(2L * s.teams());
			assertThat(count(c, "SELECT COUNT(*) FROM users WHERE NOT REGEXP_LIKE(id, '^[0-9a-f]{24}$')")).isZero();
			assertThat(count(c, "SELECT COUNT(*) FROM posts WHERE parent_post_id IS NOT NULL")).isPositive();
			assertThat(count(c, "SELECT COUNT(*) FROM posts WHERE codemark_id IS NOT NULL")).isPositive();
			assertThat(count(c, "SELECT COUNT(*) FROM posts WHERE review_id IS NOT NULL")).isPositive();
			assertThat(count(c, "SELECT COUNT(DISTINCT provider) FROM user_providers")).isGreaterThan(5);
		}
	}

	@Test
	void benchShouldTimeEveryRecordedStepOfTheNightAndTheFloor(@TempDir Path work) throws Exception {
		// when
		Bench.SizeResult result = Bench.run(BenchSize.S, 42, work, "256m", true, false, 1);
		// then
		assertThat(result.completed()).isTrue();
		assertThat(result.steps().subList(1, result.steps().size())).extracting(StepTiming::name)
			.startsWith("decideNightStep")
			.contains("collectUsersStep", "assemblePayloadStep");
		assertThat(result.steps()).filteredOn(step -> step.name().equals("collectUsersStep"))
			.singleElement()
			.extracting(StepTiming::items)
			.isEqualTo((long) BenchSize.S.users());
		assertThat(result.floorPeaks().getProperty("floor.items")).isEqualTo(
				Long.toString(result.steps().stream().filter(step -> step.name().startsWith("collect"))
					.mapToLong(StepTiming::items).sum()));
		assertThat(result.onePassFloorPeaks().getProperty("floor.items"))
			.isEqualTo(result.floorPeaks().getProperty("floor.items"));
		// the two ways of counting the night give the same payload, byte for byte
		assertThat(work.resolve("S/floor-one-pass.json")).hasSameBinaryContentAs(work.resolve("S/floor-seek.json"));
		assertThat(result.nightPeaks().getProperty("rss.peak")).isNotNull();
		assertThat(result.ratio()).isPositive();
		assertThat(result.seekRatio()).isPositive();
	}

	@Test
	void importOfTheGeneratedDumpShouldGiveBackTheGeneratedRows(@TempDir Path work) throws Exception {
		// given: the S installation generated into a store
		Path home = work.resolve("S");
		Bench.generate(BenchSize.S, 42, home);
		String generated = "jdbc:h2:file:" + home.resolve("store/phonehome");

		// when: written as a mongoexport dump and imported by the CLI in a child JVM
		ImportBench.ImportResult result = ImportBench.run(BenchSize.S, home, generated, "256m", 1, false, true);

		// then: every document counted, and the imported store holds the generated rows, value for value
		assertThat(result.completed()).as(result.line()).isTrue();
		assertThat(result.documents()).isEqualTo(BenchSize.S.companies() + BenchSize.S.teams() + BenchSize.S.users()
				+ BenchSize.S.posts() + count(generated, "SELECT COUNT(*) FROM codemarks") + BenchSize.S.reviews());
		assertThat(result.steps()).extracting(StepTiming::name).contains("importPostsStep", "publishImportStep");
		assertThat(result.cpuSeconds()).isPositive();
		String imported = "jdbc:h2:file:" + work.resolve("S-import/store/phonehome");
		try (Connection g = DriverManager.getConnection(generated, "sa", "");
				Connection i = DriverManager.getConnection(imported, "sa", "")) {
			assertThat(digest(i)).isEqualTo(digest(g));
		}
	}

	private static long count(String url, String sql) throws Exception {
		try (Connection c = DriverManager.getConnection(url, "sa", "")) {
			return count(c, sql);
		}
	}

	private static String digestOfGenerated(long seed, String name) throws Exception {
		try (Connection c = DriverManager.getConnection("jdbc:h2:mem:" + name + seed)) {
			new SyntheticInstallation(BenchSize.S, seed).writeTo(c);
			return digest(c);
		}
	}

	private static String digest(Connection c) throws Exception {
		{
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			try (Statement st = c.createStatement()) {
				for (String table : TABLES) {
					try (ResultSet rs = st.executeQuery("SELECT * FROM " + table + " ORDER BY 1, 2")) {
						int columns = rs.getMetaData().getColumnCount();
						while (rs.next()) {
							for (int i = 1; i <= columns; i++) {
								sha.update(String.valueOf(rs.getObject(i)).getBytes());
								sha.update((byte) 0);
							}
						}
					}
				}
			}
			return HexFormat.of().formatHex(sha.digest());
		}
	}

	private static long count(Connection c, String sql) throws Exception {
		try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
