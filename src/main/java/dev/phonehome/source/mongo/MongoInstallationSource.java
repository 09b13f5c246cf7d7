package dev.phonehome.source.mongo;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

import org.bson.BsonDocument;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCursor;

import dev.phonehome.installation.InstallationCollection;
import dev.phonehome.installation.InstallationDocuments;
import dev.phonehome.source.CompanyPlan;
import dev.phonehome.source.InstallationSource;
import dev.phonehome.source.SourceDecision;

/** The whole-installation questions, asked of MongoDB: companies' plans and the integrations in use. */
class MongoInstallationSource implements InstallationSource {

	private final MongoInstallation mongo;

	private final int batchSize;

	private final SourceDecision decision;

	MongoInstallationSource(MongoInstallation mongo, int batchSize, SourceDecision decision) {
		this.mongo = mongo;
		this.batchSize = batchSize;
		this.decision = decision;
	}

	@Override
	public List<CompanyPlan> companyPlans() {
		mongo.requireCollections(InstallationCollection.values());
		ContractCheck.ids(mongo, InstallationCollection.COMPANIES, InstallationDocuments::company);
		List<CompanyPlan> plans = new ArrayList<>();
		try (IdOrderedCursor companies = new IdOrderedCursor(mongo.collection(InstallationCollection.COMPANIES),
				new BsonDocument(), MongoQueries.COMPANY_PLANS, batchSize)) {
			companies.forEachRemaining(raw -> plans.add(PayloadItems.companyPlan(InstallationDocuments.company(raw))));
		}
		catch (MongoException ex) {
			throw mongo.unavailable(ex);
		}
		return plans;
	}

	/**
	 * The provider names, derived by MongoDB ({@link MongoQueries#INTEGRATIONS}, the import's {@code ProviderTokens}
	 * rule): no token, nor any {@code providerInfo}, crosses the wire.
	 */
	@Override
	public List<String> integrations() {
		mongo.requireCollections(InstallationCollection.USERS);
		Set<String> providers = new TreeSet<>();
		try (MongoCursor<BsonDocument> rows = mongo.collection(InstallationCollection.USERS)
			.aggregate(MongoQueries.INTEGRATIONS)
			.batchSize(batchSize)
			.iterator()) {
			rows.forEachRemaining(row -> providers.add(row.getString("_id").getValue()));
		}
		catch (MongoException ex) {
			throw mongo.unavailable(ex);
		}
		return new ArrayList<>(providers);
	}

	@Override
	public OptionalLong expectedCount(InstallationCollection collection) {
		try {
			return OptionalLong.of(mongo.collection(collection).estimatedDocumentCount());
		}
		catch (MongoException ex) {
			return OptionalLong.empty(); // only a progress estimate: the read itself reports the failure
		}
	}

	@Override
	public String describe() {
		return decision.describe();
	}

}
