package dev.phonehome.console.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import dev.phonehome.console.ConsoleOnly;

/**
 * The console's access log, table {@code phonehome_console_access} in the job repository's database: every page
 * view, download, approval and refusal, by whom and when. Who looked at which night's addresses is itself evidence,
 * so lines are only ever added (each in its own committed statement), never changed or deleted by the console.
 */
@Component
@ConsoleOnly
public class AccessLog {

	private static final String COLUMNS = "id, accessed_at, username, action, target, night, execution_id, http_status";

	private static final int MAX_TARGET = 2000;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	public AccessLog(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public void record(String username, Action action, String target, LocalDate night, Long executionId,
			int httpStatus) {
		String cut = target.length() > MAX_TARGET ? target.substring(0, MAX_TARGET) : target;
		jdbc.update("INSERT INTO phonehome_console_access (accessed_at, username, action, target, night, execution_id, "
				+ "http_status) VALUES (?, ?, ?, ?, ?, ?, ?)", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
				username, action.name(), cut, night, executionId, httpStatus);
	}

	/** The filter of the access log page and its CSV; any part may be null. */
	public record Filter(String username, LocalDate night, LocalDate from, LocalDate to) {

		String where(List<Object> arguments) {
			StringBuilder where = new StringBuilder(" WHERE 1 = 1");
			if (username != null && !username.isBlank()) {
				where.append(" AND username = ?");
				arguments.add(username);
			}
			if (night != null) {
				where.append(" AND night = ?");
				arguments.add(night);
			}
			if (from != null) {
				where.append(" AND accessed_at >= ?");
				arguments.add(OffsetDateTime.of(from.atStartOfDay(), ZoneOffset.UTC));
			}
			if (to != null) {
				where.append(" AND accessed_at < ?");
				arguments.add(OffsetDateTime.of(to.plusDays(1).atStartOfDay(), ZoneOffset.UTC));
			}
			return where.toString();
		}

	}

	/** Newest first. */
	public List<AccessEntry> page(Filter filter, int page, int size) {
		List<Object> arguments = new ArrayList<>();
		String where = filter.where(arguments);
		arguments.add(size);
		arguments.add((long) page * size);
		return jdbc.query("SELECT " + COLUMNS + " FROM phonehome_console_access" + where
				+ " ORDER BY id DESC LIMIT ? OFFSET ?", ROW, arguments.toArray());
	}

	public long count(Filter filter) {
		List<Object> arguments = new ArrayList<>();
		Long count = jdbc.queryForObject("SELECT COUNT(*) FROM phonehome_console_access" + filter.where(arguments),
				Long.class, arguments.toArray());
		return count == null ? 0 : count;
	}

	/** Every matching line, oldest first, one at a time (the export streams them out). */
	public void each(Filter filter, Consumer<AccessEntry> consumer) {
		List<Object> arguments = new ArrayList<>();
		String where = filter.where(arguments);
		jdbc.query("SELECT " + COLUMNS + " FROM phonehome_console_access" + where + " ORDER BY id",
				(RowCallbackHandler) rs -> consumer.accept(ROW.mapRow(rs, 0)), arguments.toArray());
	}

	private static final RowMapper<AccessEntry> ROW = AccessLog::row;

	private static AccessEntry row(ResultSet rs, int rowNum) throws SQLException {
		OffsetDateTime at = rs.getObject("accessed_at", OffsetDateTime.class);
		return new AccessEntry(rs.getLong("id"), at == null ? null : at.toInstant(), rs.getString("username"),
				Action.valueOf(rs.getString("action")), rs.getString("target"), rs.getObject("night", LocalDate.class),
				(Long) rs.getObject("execution_id"), rs.getInt("http_status"));
	}

}
