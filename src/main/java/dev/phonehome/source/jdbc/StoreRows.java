package dev.phonehome.source.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;

import org.springframework.jdbc.core.RowMapper;

import dev.phonehome.source.CodeReview;
import dev.phonehome.source.Company;
import dev.phonehome.source.CompanyPlan;
import dev.phonehome.source.Team;
import dev.phonehome.source.User;

/**
 * The payload items from the rows of {@link StoreQueries}, column by column. Written out rather than left to
 * {@code DataClassRowMapper}: that mapper first looks each camelCase component up under its lower-cased name, and
 * H2 answers every miss with an exception it also writes to its trace file, once per column per row (a
 * 100,000-user night spent 120 s in it, against 10 s for the same query read plainly).
 */
final class StoreRows {

	static final RowMapper<CompanyPlan> COMPANY_PLAN = (rs, i) -> new CompanyPlan(rs.getString("company_id"),
			rs.getString("company_name"), rs.getString("plan"));

	static final RowMapper<Company> COMPANY = (rs, i) -> new Company(rs.getString("id"), rs.getString("name"),
			rs.getBoolean("is_deactivated"), nullableLong(rs, "created_at"), rs.getString("creator_id"),
			rs.getString("plan"));

	static final RowMapper<Team> TEAM = (rs, i) -> new Team(rs.getString("id"), rs.getString("name"),
			rs.getString("company_id"), rs.getBoolean("is_deactivated"), nullableLong(rs, "created_at"),
			rs.getString("creator_id"), rs.getString("live_view"), rs.getString("code_review_approval"),
			rs.getString("code_review_assignment"));

	static final RowMapper<User> USER = (rs, i) -> new User(rs.getString("id"), rs.getString("email"),
			rs.getBoolean("is_registered"), rs.getBoolean("is_deactivated"), rs.getBoolean("is_admin"),
			nullableLong(rs, "registered_at"), rs.getString("join_method"), nullableLong(rs, "last_login"),
			rs.getString("last_origin"), rs.getString("last_origin_detail"), rs.getLong("codemarks"),
			rs.getLong("codemarks_in_reviews"), rs.getLong("reviews"), rs.getLong("replies"));

	static final RowMapper<CodeReview> CODE_REVIEW = (rs, i) -> new CodeReview(rs.getString("team_id"),
			rs.getString("review_id"), nullableLong(rs, "created_at"), nullableLong(rs, "approved_at"));

	private StoreRows() {
	}

	static Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

}
