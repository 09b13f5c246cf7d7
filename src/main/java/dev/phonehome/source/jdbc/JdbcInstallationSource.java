package dev.phonehome.source.jdbc;

import java.util.List;
import java.util.OptionalLong;

import dev.phonehome.installation.InstallationCollection;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.phonehome.source.CompanyPlan;
import dev.phonehome.source.InstallationSource;
import dev.phonehome.source.SourceDecision;

class JdbcInstallationSource implements InstallationSource {

	private final JdbcTemplate jdbc;

	private final SourceDecision decision;

	JdbcInstallationSource(JdbcTemplate jdbc, SourceDecision decision) {
		this.jdbc = jdbc;
		this.decision = decision;
	}

	@Override
	public List<CompanyPlan> companyPlans() {
		return jdbc.query(StoreQueries.COMPANY_PLANS, StoreRows.COMPANY_PLAN);
	}

	@Override
	public List<String> integrations() {
		return jdbc.queryForList(StoreQueries.INTEGRATIONS, String.class);
	}

	@Override
	public OptionalLong expectedCount(InstallationCollection collection) {
		Long count = jdbc.queryForObject("SELECT COUNT(*) FROM " + collection.collectionName(), Long.class);
		return count == null ? OptionalLong.empty() : OptionalLong.of(count);
	}

	@Override
	public String describe() {
		return decision.describe();
	}

}
