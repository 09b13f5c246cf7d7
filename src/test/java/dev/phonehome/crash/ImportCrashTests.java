package dev.phonehome.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.phonehome.crash.CrashMatrixTests.Run;
import dev.phonehome.failpoint.Failpoint;

/**
 * The import's part of the crash matrix: {@code phonehome import} in a child JVM halted at each of its failpoints
 * (around the publishing transaction, where the live tables' secondary indexes are set aside and built again). The
 * store must hold either the old installation or the new one, never a mix; the next start of any command brings
 * the indexes back; the same import again completes.
 */
class ImportCrashTests {

	private static final Path FREE = Path.of("jobs/phone-home/demo/free").toAbsolutePath();

	private static final Path PAID = Path.of("jobs/phone-home/demo/paid").toAbsolutePath();

	private static final List<String> LIVE_INDEXES = List.of("POSTS_CREATED_AT", "POSTS_CREATOR",
			"REVIEWS_CREATED_AT", "REVIEWS_APPROVED_AT", "TEAM_ADMINS_USER");

	@TempDir
	Path home;

	@ParameterizedTest(name = "halted at {0}")
	@EnumSource(value = Failpoint.class, mode = EnumSource.Mode.MATCH_ANY, names = "IMPORT_.*")
	void importHaltedAtItsFailpointsShouldLeaveOneWholeInstallationAndRecover(Failpoint failpoint) throws Exception {
		// given: the free demo imported
		Run first = Run.of(home, home.resolve("import-free"), List.of(), "import", "--home", home.toString(),
				"--from", FREE.toString());
		assertThat(first.exitCode()).as(first.err()).isZero();

		// when: importing the paid demo halts at the failpoint
		Run halted = Run.of(home, home.resolve("import-paid-halted"),
				List.of("-D" + Failpoint.PROPERTY + "=" + failpoint.label()), "import", "--home", home.toString(),
				"--from", PAID.toString());
		assertThat(halted.exitCode()).as(halted.err()).isEqualTo(Failpoint.HALT_STATUS);
		assertThat(halted.err()).contains("failpoint " + failpoint.label() + " reached");

		// then: one whole installation, the old before publishing, the new after
		boolean published = failpoint == Failpoint.IMPORT_PUBLISHED;
		assertThat(businessCompanies()).isEqualTo(published ? 1 : 0);

		// and the next start of any command builds the indexes again
		Run history = Run.of(home, home.resolve("history"), List.of(), "history", "--home", home.toString());
		assertThat(history.exitCode()).as(history.err()).isZero();
		assertThat(liveIndexes()).containsExactlyInAnyOrderElementsOf(LIVE_INDEXES);

		// and the same import again completes, leaving nothing staged
		Run again = Run.of(home, home.resolve("import-paid"), List.of(), "import", "--home", home.toString(),
				"--from", PAID.toString());
		assertThat(again.exitCode()).as(again.err()).isZero();
		assertThat(businessCompanies()).isEqualTo(1);
		assertThat(count("import_posts")).isZero();
		assertThat(liveIndexes()).containsExactlyInAnyOrderElementsOf(LIVE_INDEXES);
	}

	private long businessCompanies() throws Exception {
		return query("SELECT COUNT(*) FROM companies WHERE plan = 'BUSINESS'").get(0).equals("1") ? 1 : 0;
	}

	private long count(String table) throws Exception {
		return Long.parseLong(query("SELECT COUNT(*) FROM " + table).get(0));
	}

	private List<String> liveIndexes() throws Exception {
		return query("SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_SCHEMA = 'PUBLIC'"
				+ " AND INDEX_TYPE_NAME = 'INDEX' AND TABLE_NAME IN ('POSTS', 'REVIEWS', 'TEAM_ADMINS')");
	}

	private List<String> query(String sql) throws Exception {
		List<String> values = new ArrayList<>();
		try (Connection connection = DriverManager
			.getConnection("jdbc:h2:file:" + home.resolve("store/phonehome") + ";AUTO_SERVER=TRUE", "sa", "");
				ResultSet rs = connection.createStatement().executeQuery(sql)) {
			while (rs.next()) {
				values.add(rs.getString(1));
			}
		}
		return values;
	}

}
