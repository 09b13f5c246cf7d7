package dev.phonehome.job;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessResourceFailureException;

/**
 * A database row lock per night, held by the process running that night for as long as it runs. It tells a live
 * run from a dead one: Batch's job instance refuses a second execution while one is STARTED, but after a
 * {@code kill -9} that execution stays STARTED forever. If the night's lock can be taken, no live process is
 * running it, and a STARTED execution left behind is abandoned and may be recovered. The lock dies with its
 * connection, so a killed process never keeps it.
 */
public class NightLock {

	/** PostgreSQL lock_not_available; H2 lock timeout. */
	private static final java.util.Set<String> BUSY = java.util.Set.of("55P03", "HYT00");

	private final DataSource dataSource;

	NightLock(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** Takes the night's lock without waiting; empty when a live process holds it. */
	public Optional<Held> tryHold(LocalDate night) {
		String name = "night:" + night;
		Connection connection = null;
		try {
			connection = dataSource.getConnection();
			connection.setAutoCommit(true);
			insertIfAbsent(connection, name);
			connection.setAutoCommit(false);
			try (PreparedStatement select = connection
				.prepareStatement("SELECT name FROM phonehome_lock WHERE name = ? FOR UPDATE NOWAIT")) {
				select.setString(1, name);
				try (ResultSet rs = select.executeQuery()) {
					rs.next();
				}
			}
			catch (SQLException ex) {
				if (BUSY.contains(ex.getSQLState())) {
					release(connection);
					return Optional.empty();
				}
				throw ex;
			}
			return Optional.of(new Held(connection));
		}
		catch (SQLException ex) {
			if (connection != null) {
				release(connection);
			}
			throw new DataAccessResourceFailureException("cannot take the lock of night " + night, ex);
		}
	}

	private static void insertIfAbsent(Connection connection, String name) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement(
				"INSERT INTO phonehome_lock (name) SELECT ? WHERE NOT EXISTS (SELECT 1 FROM phonehome_lock WHERE name = ?)")) {
			insert.setString(1, name);
			insert.setString(2, name);
			insert.executeUpdate();
		}
		catch (SQLException ex) {
			// another process inserted it at the same moment (unique violation): the row exists, which is all we need
			if (!"23505".equals(ex.getSQLState())) {
				throw ex;
			}
		}
	}

	private static void release(Connection connection) {
		try {
			if (!connection.getAutoCommit()) {
				connection.rollback();
			}
			connection.close();
		}
		catch (SQLException ignored) {
			// the connection is gone, and so is its lock
		}
	}

	/** The held lock of a night: released on close. */
	public static final class Held implements AutoCloseable {

		private final Connection connection;

		private Held(Connection connection) {
			this.connection = connection;
		}

		@Override
		public void close() {
			release(connection);
		}

	}

}
