package dev.phonehome.approval;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The tables {@code phonehome_scope_gate} (one row per real night that reached the gate) and
 * {@code phonehome_approval} (one row per decision, only ever added). Every method joins the caller's transaction;
 * writers first take the {@code approval} row lock, so the gate and the decisions happen in one order.
 */
class ApprovalStore {

	static final String PASSED = "PASSED";

	static final String HELD = "HELD";

	static final String APPROVED = "APPROVED";

	static final String REJECTED = "REJECTED";

	private final JdbcTemplate jdbc;

	ApprovalStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A night at the gate: its scope and what became of it. */
	record GateRow(LocalDate night, long executionId, NightScope scope, String state, String reasons, String ranBy,
			Instant gatedAt, Long scopeSeq) {
	}

	/** A recorded decision on a held night. */
	record Decision(long id, LocalDate night, long executionId, String verdict, String approver, String osUser,
			boolean samePerson, String reason, String payloadSha256, Instant decidedAt, String addendumPath,
			String addendumSha256) {
	}

	void lock() {
		jdbc.queryForList("SELECT name FROM phonehome_lock WHERE name = 'approval' FOR UPDATE", String.class);
	}

	/** The scope approved last (a night that passed the gate, or an approved one); empty before any. */
	Optional<NightScope> approvedScope() {
		return jdbc.query("SELECT * FROM phonehome_scope_gate WHERE scope_seq IS NOT NULL ORDER BY scope_seq DESC "
				+ "LIMIT 1", ApprovalStore::gateRow).stream().findFirst().map(GateRow::scope);
	}

	Optional<GateRow> find(LocalDate night) {
		return jdbc.query("SELECT * FROM phonehome_scope_gate WHERE night = ?", ApprovalStore::gateRow, night)
			.stream()
			.findFirst();
	}

	List<GateRow> held() {
		return jdbc.query("SELECT * FROM phonehome_scope_gate WHERE state = ? ORDER BY night", ApprovalStore::gateRow,
				HELD);
	}

	/** Records a night at the gate (replacing what an earlier, abandoned instance of the night left). */
	void gate(GateRow row) {
		jdbc.update("DELETE FROM phonehome_scope_gate WHERE night = ?", row.night());
		NightScope s = row.scope();
		jdbc.update("INSERT INTO phonehome_scope_gate (night, execution_id, emails_included, contract, integrations, "
				+ "version, state, reasons, ran_by, gated_at, scope_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				row.night(), row.executionId(), s.emailsIncluded(), s.contract(), String.join(",", s.integrations()),
				s.version(), row.state(), row.reasons(), row.ranBy(), utc(row.gatedAt()),
				PASSED.equals(row.state()) ? nextScopeSeq() : null);
	}

	/** A held night's new state; an approval makes its scope the approved one. */
	void decide(LocalDate night, String state) {
		jdbc.update("UPDATE phonehome_scope_gate SET state = ?, scope_seq = ? WHERE night = ?", state,
				APPROVED.equals(state) ? nextScopeSeq() : null, night);
	}

	long insertDecision(Decision d) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.update(connection -> {
			var statement = connection.prepareStatement("INSERT INTO phonehome_approval (night, execution_id, verdict, "
					+ "approver, os_user, same_person, reason, payload_sha256, decided_at, addendum_path, "
					+ "addendum_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] { "id" });
			statement.setObject(1, d.night());
			statement.setLong(2, d.executionId());
			statement.setString(3, d.verdict());
			statement.setString(4, d.approver());
			statement.setString(5, d.osUser());
			statement.setBoolean(6, d.samePerson());
			statement.setString(7, d.reason());
			statement.setString(8, d.payloadSha256());
			statement.setObject(9, utc(d.decidedAt()));
			statement.setString(10, d.addendumPath());
			statement.setString(11, d.addendumSha256());
			return statement;
		}, keys);
		return keys.getKey().longValue();
	}

	Optional<Decision> decision(long id) {
		return jdbc.query("SELECT * FROM phonehome_approval WHERE id = ?", ApprovalStore::decisionRow, id)
			.stream()
			.findFirst();
	}

	List<Decision> decisions() {
		return jdbc.query("SELECT * FROM phonehome_approval ORDER BY id", ApprovalStore::decisionRow);
	}

	private long nextScopeSeq() {
		Long max = jdbc.queryForObject("SELECT MAX(scope_seq) FROM phonehome_scope_gate", Long.class);
		return max == null ? 1 : max + 1;
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static GateRow gateRow(ResultSet rs, int rowNum) throws SQLException {
		String integrations = rs.getString("integrations");
		NightScope scope = new NightScope(rs.getBoolean("emails_included"), rs.getString("contract"),
				integrations.isEmpty() ? List.of() : Arrays.asList(integrations.split(",")), rs.getString("version"));
		Long seq = rs.getObject("scope_seq", Long.class);
		return new GateRow(rs.getObject("night", LocalDate.class), rs.getLong("execution_id"), scope,
				rs.getString("state"), rs.getString("reasons"), rs.getString("ran_by"),
				rs.getObject("gated_at", OffsetDateTime.class).toInstant(), seq);
	}

	private static Decision decisionRow(ResultSet rs, int rowNum) throws SQLException {
		return new Decision(rs.getLong("id"), rs.getObject("night", LocalDate.class), rs.getLong("execution_id"),
				rs.getString("verdict"), rs.getString("approver"), rs.getString("os_user"),
				rs.getBoolean("same_person"), rs.getString("reason"), rs.getString("payload_sha256"),
				rs.getObject("decided_at", OffsetDateTime.class).toInstant(), rs.getString("addendum_path"),
				rs.getString("addendum_sha256"));
	}

}
