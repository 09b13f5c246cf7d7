package dev.phonehome.source.mongo;

import java.time.LocalDate;

import org.bson.BsonDocument;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import com.mongodb.event.CommandListener;

import dev.phonehome.home.PhoneHomeProperties;
import dev.phonehome.installation.InstallationCollection;
import dev.phonehome.installation.InstallationDocuments;
import dev.phonehome.settings.MongoOptions;
import dev.phonehome.source.CodeReview;
import dev.phonehome.source.Company;
import dev.phonehome.source.InstallationSource;
import dev.phonehome.record.NightParameters;
import dev.phonehome.record.NightRecords;
import dev.phonehome.record.NightWindow;
import dev.phonehome.source.SourceDecision;
import dev.phonehome.source.SourceSelection;
import dev.phonehome.source.Team;
import dev.phonehome.source.User;

/**
 * Reads the installation straight from its MongoDB (when {@link SourceDecision} says so: {@code run --source
 * mongodb://host:port/db}, {@code phonehome.source}, or the services config's {@code storage.mongo.url}), with
 * the same bean names and types as the embedded store's
 * {@code JdbcSourceConfiguration}: the job does not know which one is active. Every raw document goes through
 * {@code InstallationDocuments}, so MongoDB and a dump accept and refuse the same documents; every section is read
 * in cursor batches of {@code phonehome.fetch-size}, sorted by id; the per-user counts are aggregated by MongoDB in one pass over the night's posts.
 * The job repository stays in JDBC.
 * <p>
 * The readers are small {@code ItemStreamReader}s over driver cursors rather than Batch's
 * {@code MongoCursorItemReader}: that one needs spring-data-mongodb's template, reads one type-sorted cursor (a
 * string {@code _id} would land before every ObjectId, unlike in the store), and its query form silently drops
 * sort and batch size (stack.md, pitfall 8).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SourceSelection.MongoDb.class)
public class MongoSourceConfiguration {

	/** The connection options, with the services config's {@code storage.mongo.tlsCAFile} when the URI came from it. */
	@Bean
	MongoInstallation mongoInstallation(SourceDecision decision, MongoOptions options,
			ObjectProvider<CommandListener> listeners) {
		return new MongoInstallation(decision.mongoUri(), options.withDefaultCaFile(decision.tlsCaFile()),
				System.getenv(), listeners.orderedStream().toList());
	}

	@Bean
	InstallationSource installationSource(MongoInstallation mongo, PhoneHomeProperties properties,
			SourceDecision decision) {
		return new MongoInstallationSource(mongo, properties.fetchSize(), decision);
	}

	@Bean
	@StepScope
	ItemStreamReader<Company> companiesReader(MongoInstallation mongo, PhoneHomeProperties properties) {
		return new MongoDocumentReader<>("companiesReader", mongo, () -> {
			mongo.requireCollections(InstallationCollection.COMPANIES);
			ContractCheck.ids(mongo, InstallationCollection.COMPANIES, InstallationDocuments::company);
			return new IdOrderedCursor(mongo.collection(InstallationCollection.COMPANIES), new BsonDocument(),
					MongoQueries.COMPANIES, properties.fetchSize());
		}, raw -> PayloadItems.company(InstallationDocuments.company(raw)));
	}

	@Bean
	@StepScope
	ItemStreamReader<Team> teamsReader(MongoInstallation mongo, PhoneHomeProperties properties) {
		return new MongoDocumentReader<>("teamsReader", mongo, () -> {
			mongo.requireCollections(InstallationCollection.TEAMS);
			ContractCheck.ids(mongo, InstallationCollection.TEAMS, InstallationDocuments::team);
			return new IdOrderedCursor(mongo.collection(InstallationCollection.TEAMS), new BsonDocument(),
					MongoQueries.TEAMS, properties.fetchSize());
		}, raw -> PayloadItems.team(InstallationDocuments.team(raw)));
	}

	@Bean
	@StepScope
	ItemStreamReader<User> usersReader(MongoInstallation mongo, PhoneHomeProperties properties,
			MongoOptions options, @Value(NightParameters.NIGHT) LocalDate night,
			@Value(NightRecords.EMAILS_INCLUDED_VALUE) Boolean emailsIncluded) {
		return new MongoUsersReader(mongo, NightWindow.of(night), Boolean.TRUE.equals(emailsIncluded),
				properties.fetchSize(), options.idMargin());
	}

	@Bean
	@StepScope
	ItemStreamReader<CodeReview> codeReviewsReader(MongoInstallation mongo, PhoneHomeProperties properties,
			@Value(NightParameters.NIGHT) LocalDate night) {
		NightWindow window = NightWindow.of(night);
		return new MongoDocumentReader<>("codeReviewsReader", mongo, () -> {
			mongo.requireCollections(InstallationCollection.REVIEWS);
			ContractCheck.reviews(mongo);
			return new IdOrderedCursor(mongo.collection(InstallationCollection.REVIEWS),
					MongoQueries.reviewsOfTheNight(window), MongoQueries.REVIEWS, properties.fetchSize());
		}, raw -> PayloadItems.codeReview(InstallationDocuments.review(raw), window));
	}

}
