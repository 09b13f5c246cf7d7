package dev.phonehome.source.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import dev.phonehome.record.NightWindow;
import dev.phonehome.source.User;

/**
 * The users section from the embedded store, each table read once in the order the store keeps it: on open, the
 * night's posts (by the window's index, each codemark by its key) and the team admins are tallied per user in an
 * {@link ActivityTally}; then the users are read by id and each is completed from the tally.
 * <p>
 * The tally holds one entry per creator active in the night (and per admin), about 53 bytes each, and is bounded
 * by a quarter of the heap ({@link #tallyBound()}: some 1.2 million active creators under {@code -Xmx256m}). A
 * night beyond it drops the tally and reads the users with their counts per user ({@code usersCountedPerUser}:
 * a seek per user, the same rows, several times slower), and says so in the log.
 * <p>
 * Restart: the users cursor is a {@link JdbcCursorItemReader} named {@code usersReader}, whose committed read count
 * is the step's restart state, as before. Reopened after a failure, this reader tallies the night again from the
 * store (read-only; the same rows give the same tally) and the cursor skips the users already written, so the
 * resumed step writes the same bytes. Nothing is staged outside the step's own part file.
 */
final class NightUsersReader implements ItemStreamReader<User> {

	private static final Logger log = LoggerFactory.getLogger(NightUsersReader.class);

	private final DataSource dataSource;

	private final NightWindow window;

	private final boolean emailsIncluded;

	private final int fetchSize;

	private final long tallyBound;

	private JdbcCursorItemReader<User> users;

	NightUsersReader(DataSource dataSource, NightWindow window, boolean emailsIncluded, int fetchSize,
			long tallyBound) {
		this.dataSource = dataSource;
		this.window = window;
		this.emailsIncluded = emailsIncluded;
		this.fetchSize = fetchSize;
		this.tallyBound = tallyBound;
	}

	/** A quarter of the maximum heap: what the tally may take beside the store's cache and the job. */
	static long tallyBound() {
		return Runtime.getRuntime().maxMemory() / 4;
	}

	@Override
	public void open(ExecutionContext executionContext) {
		ActivityTally tally = new JdbcTemplate(dataSource).execute(this::tally);
		if (tally != null) {
			users = cursor(StoreQueries.usersById(emailsIncluded), withActivity(tally));
		}
		else {
			log.warn("night {}: more active users than the in-memory tally holds ({} MB); counting each user's posts"
					+ " with a seek instead (slower)", window.night(), tallyBound >> 20);
			users = cursor(StoreQueries.usersCountedPerUser(emailsIncluded), StoreRows.USER);
			users.setPreparedStatementSetter(new ArgumentPreparedStatementSetter(
					new Object[] { window.startMillis(), window.endMillis() }));
		}
		users.open(executionContext);
	}

	/** The night's posts and the admins, one pass each; {@code null} when they pass the bound. */
	private ActivityTally tally(Connection connection) throws SQLException {
		ActivityTally tally = new ActivityTally(tallyBound);
		try (Streaming streaming = Streaming.on(connection);
				PreparedStatement posts = connection.prepareStatement(StoreQueries.NIGHT_POSTS)) {
			posts.setFetchSize(fetchSize);
			posts.setLong(1, window.startMillis());
			posts.setLong(2, window.endMillis());
			try (ResultSet rs = posts.executeQuery()) {
				while (rs.next()) {
					int kind = rs.getInt(2);
					if (kind >= 0 && !tally.add(rs.getString(1), kind)) {
						return null;
					}
				}
			}
			try (Statement admins = connection.createStatement();
					ResultSet rs = admins.executeQuery(StoreQueries.ADMINS)) {
				while (rs.next()) {
					if (!tally.markAdmin(rs.getString(1))) {
						return null;
					}
				}
			}
		}
		log.info("night {}: tallied the night's activity and admins of {} users ({} MB)", window.night(),
				tally.size(), tally.bytes() >> 20);
		return tally;
	}

	private RowMapper<User> withActivity(ActivityTally tally) {
		return (rs, i) -> {
			String id = rs.getString("id");
			return new User(id, rs.getString("email"), rs.getBoolean("is_registered"),
					rs.getBoolean("is_deactivated"), tally.isAdmin(id), StoreRows.nullableLong(rs, "registered_at"),
					rs.getString("join_method"), StoreRows.nullableLong(rs, "last_login"), rs.getString("last_origin"),
					rs.getString("last_origin_detail"), tally.count(id, ActivityTally.CODEMARKS),
					tally.count(id, ActivityTally.CODEMARKS_IN_REVIEWS), tally.count(id, ActivityTally.REVIEWS),
					tally.count(id, ActivityTally.REPLIES));
		};
	}

	private JdbcCursorItemReader<User> cursor(String sql, RowMapper<User> rows) {
		JdbcCursorItemReader<User> cursor = new StreamingCursorItemReader<>(dataSource, sql, rows);
		cursor.setName("usersReader");
		cursor.setFetchSize(fetchSize);
		return cursor;
	}

	@Override
	public User read() throws Exception {
		return users.read();
	}

	@Override
	public void update(ExecutionContext executionContext) {
		users.update(executionContext);
	}

	@Override
	public void close() {
		if (users != null) {
			users.close();
			users = null;
		}
	}

	/** A cursor whose rows are streamed as they are read on H2 and PostgreSQL alike ({@link Streaming}). */
	private static final class StreamingCursorItemReader<T> extends JdbcCursorItemReader<T> {

		private Streaming streaming;

		StreamingCursorItemReader(DataSource dataSource, String sql, RowMapper<T> rows) {
			super(dataSource, sql, rows);
		}

		@Override
		protected void openCursor(Connection connection) {
			try {
				streaming = Streaming.on(connection);
			}
			catch (SQLException ex) {
				throw new ItemStreamException("cannot prepare the users cursor", ex);
			}
			super.openCursor(connection);
		}

		@Override
		protected void cleanupOnClose(Connection connection) {
			super.cleanupOnClose(connection);
			try {
				if (streaming != null) {
					streaming.close();
				}
			}
			catch (SQLException ex) {
				log.debug("could not reset the users cursor's connection", ex);
			}
		}

	}

	/**
	 * A connection set to stream a large result, and set back when closed, since the pool hands it on. H2 otherwise
	 * builds the whole result (on disk past its memory rows) before the first row: lazy query execution. PostgreSQL's
	 * driver honours the fetch size only outside auto-commit; otherwise it holds every row in the heap.
	 */
	private record Streaming(Connection connection, boolean h2, boolean autoCommit) implements AutoCloseable {

		static Streaming on(Connection connection) throws SQLException {
			Streaming streaming = new Streaming(connection,
					"H2".equals(connection.getMetaData().getDatabaseProductName()), connection.getAutoCommit());
			if (streaming.h2) {
				streaming.lazy(true);
			}
			else if (streaming.autoCommit) {
				connection.setAutoCommit(false);
			}
			return streaming;
		}

		@Override
		public void close() throws SQLException {
			if (h2) {
				lazy(false);
			}
			else if (autoCommit) {
				connection.rollback(); // only read; ends the read transaction before auto-commit returns
				connection.setAutoCommit(true);
			}
		}

		private void lazy(boolean lazy) throws SQLException {
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET LAZY_QUERY_EXECUTION " + lazy);
			}
		}

	}

}
