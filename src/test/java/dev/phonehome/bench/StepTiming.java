package dev.phonehome.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One step of the night as the job repository recorded it ({@code BATCH_STEP_EXECUTION}): whatever steps the job
 * has, in the order they ran, so a step added later (the audit, the delivery) is timed without touching the bench.
 */
record StepTiming(String name, String status, long items, Duration duration) {

	/** The steps that compute the payload: the collect steps and the assembly (the floor does the same work). */
	boolean isPayloadStep() {
		return name.startsWith("collect") || name.equals("assemblePayloadStep");
	}

	String itemsPerSecond() {
		if (items == 0 || duration.isZero()) {
			return "-";
		}
		return String.format("%,.0f", items / (duration.toNanos() / 1e9));
	}

	/** The steps of the last execution of {@code job}, and that execution's own duration as the first element. */
	static List<StepTiming> lastExecution(Connection connection, String job) throws SQLException {
		List<StepTiming> steps = new ArrayList<>();
		try (var statement = connection.prepareStatement("""
				SELECT e.JOB_EXECUTION_ID, e.STATUS, e.START_TIME, e.END_TIME
				FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
				WHERE i.JOB_NAME = ? ORDER BY e.JOB_EXECUTION_ID DESC LIMIT 1
				""")) {
			statement.setString(1, job);
			try (var rs = statement.executeQuery()) {
				if (!rs.next()) {
					throw new IllegalStateException("no execution of " + job + " in the job repository");
				}
				long executionId = rs.getLong(1);
				steps.add(new StepTiming(job, rs.getString(2), 0, between(rs.getTimestamp(3), rs.getTimestamp(4))));
				try (var stepQuery = connection.prepareStatement("""
						SELECT STEP_NAME, STATUS, READ_COUNT, WRITE_COUNT, START_TIME, END_TIME
						FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? ORDER BY STEP_EXECUTION_ID
						""")) {
					stepQuery.setLong(1, executionId);
					try (var s = stepQuery.executeQuery()) {
						while (s.next()) {
							steps.add(new StepTiming(s.getString(1), s.getString(2), Math.max(s.getLong(3), s.getLong(4)),
									between(s.getTimestamp(5), s.getTimestamp(6))));
						}
					}
				}
			}
		}
		return steps;
	}

	private static Duration between(Timestamp start, Timestamp end) {
		return (start == null || end == null) ? Duration.ZERO
				: Duration.between(start.toLocalDateTime(), end.toLocalDateTime());
	}

}
