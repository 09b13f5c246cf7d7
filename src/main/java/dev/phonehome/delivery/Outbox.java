package dev.phonehome.delivery;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.phonehome.artefact.Artefact;

/**
 * The {@code phonehome_outbox} table: every real night's archived payload until an HTTP 200 confirms it, and
 * after. Every change is committed at once in a transaction of its own (so what a killed process did so far is
 * kept), except {@link #lockForSending()}, which joins the caller's transaction to hold the senders' lock for it.
 */
public class Outbox {

	private static final String COLUMNS = "night, execution_id, payload_path, payload_sha256, payload_size, status, "
			+ "idempotency_key, key_fixed, attempts, last_attempt_at, last_http_status, last_error, delivered_at, "
			+ "delivered_by, recorded";

	private static final int MAX_ERROR = 1000;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	public Outbox(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/** Queues a night's archived payload; a night already queued keeps its row, now owned by this execution. */
	void enqueue(LocalDate night, long executionId, Artefact payload) {
		ownTransaction.executeWithoutResult(status -> {
			int updated = jdbc.update("UPDATE phonehome_outbox SET execution_id = ? WHERE night = ? AND status = ?",
					executionId, night, OutboxEntry.PENDING);
			if (updated == 0 && find(night).isEmpty()) {
				jdbc.update("INSERT INTO phonehome_outbox (night, execution_id, payload_path, payload_sha256, "
						+ "payload_size, status, enqueued_at) VALUES (?, ?, ?, ?, ?, ?, ?)", night, executionId,
						payload.path().toString(), payload.sha256(), payload.size(), OutboxEntry.PENDING, now());
			}
		});
	}

	/**
	 * Queues an approved night (it was held by the scope gate, never queued) inside the caller's transaction, so
	 * the approval and the queueing commit together; a night already in the outbox is left as it is.
	 */
	public void enqueueApproved(LocalDate night, long executionId, Artefact payload) {
		if (find(night).isEmpty()) {
			jdbc.update("INSERT INTO phonehome_outbox (night, execution_id, payload_path, payload_sha256, "
					+ "payload_size, status, enqueued_at) VALUES (?, ?, ?, ?, ?, ?, ?)", night, executionId,
					payload.path().toString(), payload.sha256(), payload.size(), OutboxEntry.PENDING, now());
		}
	}

	public Optional<OutboxEntry> find(LocalDate night) {
		return jdbc.query("SELECT " + COLUMNS + " FROM phonehome_outbox WHERE night = ?", ROW, night)
			.stream()
			.findFirst();
	}

	/** Every queued night, oldest first. */
	public List<OutboxEntry> all() {
		return jdbc.query("SELECT " + COLUMNS + " FROM phonehome_outbox ORDER BY night", ROW);
	}

	List<OutboxEntry> pending() {
		return jdbc.query("SELECT " + COLUMNS + " FROM phonehome_outbox WHERE status = ? ORDER BY night", ROW,
				OutboxEntry.PENDING);
	}

	/** Pending nights up to {@code night}: a newer one is another run's, possibly being sent right now. */
	int pendingCountUpTo(LocalDate night) {
		Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM phonehome_outbox WHERE status = ? AND night <= ?",
				Integer.class, OutboxEntry.PENDING, night);
		return count == null ? 0 : count;
	}

	/**
	 * Waits for, then holds until the caller's transaction ends, the row lock every sender takes: one process at a
	 * time sends the backlog, so no two can send the same night. The lock dies with its connection.
	 */
	void lockForSending() {
		jdbc.queryForList("SELECT name FROM phonehome_lock WHERE name = 'outbox' FOR UPDATE", String.class);
	}

	/** A set left in flight was being sent when its process died: its fate is unknown, so its key is fixed. */
	int settleAbandonedSends() {
		return inOwnTransaction(() -> jdbc.update("UPDATE phonehome_outbox SET key_fixed = TRUE, in_flight = FALSE, "
				+ "last_error = ? WHERE status = ? AND in_flight = TRUE",
				"the sending process stopped before an answer was recorded", OutboxEntry.PENDING));
	}

	/** Sets that surely never reached the receiver may be regrouped: their keys are dropped. */
	void releaseLooseKeys() {
		inOwnTransaction(() -> jdbc.update("UPDATE phonehome_outbox SET idempotency_key = NULL "
				+ "WHERE status = ? AND key_fixed = FALSE AND idempotency_key IS NOT NULL", OutboxEntry.PENDING));
	}

	void assignKey(List<OutboxEntry> set, String key) {
		ownTransaction.executeWithoutResult(status -> set.forEach(entry -> jdbc.update(
				"UPDATE phonehome_outbox SET idempotency_key = ? WHERE night = ? AND status = ?", key, entry.night(),
				OutboxEntry.PENDING)));
	}

	/** Committed before the request goes out, so a crash during it leaves the set marked as in doubt. */
	void markInFlight(String key) {
		inOwnTransaction(() -> jdbc.update("UPDATE phonehome_outbox SET in_flight = TRUE, attempts = attempts + 1, "
				+ "last_attempt_at = ? WHERE idempotency_key = ? AND status = ?", now(), key, OutboxEntry.PENDING));
	}

	/** The 200 arrived: the set is delivered (only rows still pending change: a confirmation counts once). */
	int markDelivered(String key, int httpStatus, long executionId) {
		return inOwnTransaction(() -> jdbc.update("UPDATE phonehome_outbox SET status = ?, in_flight = FALSE, "
				+ "delivered_at = ?, last_http_status = ?, last_error = NULL, delivered_by = ? "
				+ "WHERE idempotency_key = ? AND status = ?", OutboxEntry.DELIVERED, now(), httpStatus, executionId,
				key, OutboxEntry.PENDING));
	}

	void markFailed(String key, DeliveryFailure failure) {
		inOwnTransaction(() -> jdbc.update("UPDATE phonehome_outbox SET in_flight = FALSE, "
				+ "key_fixed = (key_fixed OR ?), last_http_status = ?, last_error = ? "
				+ "WHERE idempotency_key = ? AND status = ?", failure.inDoubt(), failure.httpStatus(),
				truncate(failure.getMessage()), key, OutboxEntry.PENDING));
	}

	/** A refused set is split: its nights go back to having no set, so each may get one of its own. */
	void releaseKey(List<OutboxEntry> set) {
		ownTransaction.executeWithoutResult(status -> set.forEach(entry -> jdbc.update(
				"UPDATE phonehome_outbox SET idempotency_key = NULL, key_fixed = FALSE WHERE night = ? AND status = ?",
				entry.night(), OutboxEntry.PENDING)));
	}

	/** The receiver refused this night on its own: it is set aside, archived, until an operator re-queues it. */
	void markRefused(LocalDate night) {
		inOwnTransaction(() -> jdbc.update("UPDATE phonehome_outbox SET status = ?, in_flight = FALSE WHERE night = ? "
				+ "AND status = ?", OutboxEntry.REFUSED, night, OutboxEntry.PENDING));
	}

	/**
	 * Fixes the set a night goes out in, for an upload by hand: the set it was already sent in (when that may have
	 * reached the receiver, or did), or else a set of its own whose key is fixed from now on; so a later delivery
	 * of the night sends the same key and the receiver can drop the repeat. Empty when the night was never queued.
	 * Holds the senders' lock, so no run sends the night while its set is being fixed.
	 */
	public Optional<ExportSet> fixForExport(LocalDate night) {
		return Optional.ofNullable(ownTransaction.execute(status -> {
			lockForSending();
			OutboxEntry entry = find(night).orElse(null);
			if (entry == null) {
				return null;
			}
			String key = entry.idempotencyKey();
			if (key == null || !(entry.keyFixed() || entry.delivered())) {
				key = IdempotencyKey.of(List.of(entry));
				jdbc.update("UPDATE phonehome_outbox SET idempotency_key = ?, key_fixed = TRUE WHERE night = ?", key,
						night);
			}
			jdbc.update("UPDATE phonehome_outbox SET exported_at = ? WHERE idempotency_key = ?", now(), key);
			return new ExportSet(jdbc.query("SELECT " + COLUMNS + " FROM phonehome_outbox WHERE idempotency_key = ? "
					+ "ORDER BY night", ROW, key), key);
		}));
	}

	/** The nights of one request body, oldest first, and the key they go (or went) out under. */
	public record ExportSet(List<OutboxEntry> members, String idempotencyKey) {
	}

	/** An operator re-queues a refused night (after fixing the cause): it is sent by the next run, in a new set. */
	public boolean requeue(LocalDate night) {
		return inOwnTransaction(() -> jdbc.update("UPDATE phonehome_outbox SET status = ?, idempotency_key = NULL, "
				+ "key_fixed = FALSE, recorded = FALSE WHERE night = ? AND status = ?", OutboxEntry.PENDING, night,
				OutboxEntry.REFUSED)) == 1;
	}

	void markUnsendable(LocalDate night, String reason) {
		inOwnTransaction(() -> jdbc.update("UPDATE phonehome_outbox SET last_error = ? WHERE night = ? AND status = ?",
				truncate(reason), night, OutboxEntry.PENDING));
	}

	/** Nights delivered or refused whose execution has not been told yet. */
	List<OutboxEntry> settledUnrecorded() {
		return jdbc.query("SELECT " + COLUMNS + " FROM phonehome_outbox WHERE status IN (?, ?) AND recorded = FALSE "
				+ "ORDER BY night", ROW, OutboxEntry.DELIVERED, OutboxEntry.REFUSED);
	}

	/** Joins the caller's transaction: recorded together with the execution's facts, or not at all. */
	void markRecorded(LocalDate night) {
		jdbc.update("UPDATE phonehome_outbox SET recorded = TRUE WHERE night = ?", night);
	}

	private int inOwnTransaction(java.util.function.IntSupplier work) {
		Integer result = ownTransaction.execute(status -> work.getAsInt());
		return result == null ? 0 : result;
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	private static String truncate(String text) {
		return text == null || text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR);
	}

	private static final RowMapper<OutboxEntry> ROW = Outbox::row;

	private static OutboxEntry row(ResultSet rs, int rowNum) throws SQLException {
		return new OutboxEntry(rs.getObject("night", LocalDate.class), rs.getLong("execution_id"),
				Path.of(rs.getString("payload_path")), rs.getString("payload_sha256"), rs.getLong("payload_size"),
				rs.getString("status"), rs.getString("idempotency_key"), rs.getBoolean("key_fixed"),
				rs.getInt("attempts"), instant(rs, "last_attempt_at"), (Integer) rs.getObject("last_http_status"),
				rs.getString("last_error"), instant(rs, "delivered_at"), (Long) rs.getObject("delivered_by"),
				rs.getBoolean("recorded"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

}
