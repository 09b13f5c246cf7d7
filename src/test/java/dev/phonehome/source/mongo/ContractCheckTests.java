package dev.phonehome.source.mongo;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;

import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.phonehome.installation.BadDocumentException;
import dev.phonehome.installation.InstallationCollection;
import dev.phonehome.installation.InstallationDocuments;
import dev.phonehome.record.NightWindow;

/**
 * MongoDB refuses what the import refuses, even in documents the night only counts: each case names the
 * collection, the {@code _id} and the field, as the import's message does.
 */
class ContractCheckTests {

	private static final NightWindow NIGHT = NightWindow.of(LocalDate.parse("2026-11-20"));

	private MongoInstallation mongo;

	@BeforeEach
	void emptyInstallation() {
		InProcessMongo.empty();
		mongo = new MongoInstallation(InProcessMongo.uri(), Duration.ofSeconds(2));
	}

	@AfterEach
	void close() {
		mongo.close();
	}

	private static void insert(InstallationCollection collection, String json) {
		InProcessMongo.collection(collection).insertOne(BsonDocument.parse(json));
	}

	@Test
	void postsShouldPassWhenEveryFieldHasAContractType() {
		// given: the types real data has (double and int64 timestamps, $date, ObjectId and string references, nulls)
		insert(InstallationCollection.POSTS, "{_id: ObjectId('6a0000000000000000000001'), creatorId: 'u', "
				+ "createdAt: 1795132800000.0, codemarkId: null, reviewId: '', parentPostId: ObjectId('6a0000000000000000000002')}");
		insert(InstallationCollection.POSTS, "{_id: 'p2', createdAt: {$date: '2026-11-20T01:00:00Z'}}");
		insert(InstallationCollection.POSTS, "{_id: 'p3', createdAt: NumberLong('1795132800001'), text: 5}");

		// when / then
		assertThatCode(() -> ContractCheck.posts(mongo, NIGHT)).doesNotThrowAnyException();
	}

	@Test
	void postsShouldFailNamingTheFieldWhenAReferenceIsAnObject() {
		insert(InstallationCollection.POSTS, "{_id: 'p1', createdAt: 1795132800000.0, reviewId: {id: 'r'}}");

		assertThatThrownBy(() -> ContractCheck.posts(mongo, NIGHT)).isInstanceOf(BadDocumentException.class)
			.hasMessage("posts _id p1, field 'reviewId': expected a string, found an object");
	}

	@Test
	void postsShouldFailWhenAReferenceIsAnArrayOfStrings() {
		insert(InstallationCollection.POSTS, "{_id: 'p1', creatorId: ['u1', 'u2']}");

		assertThatThrownBy(() -> ContractCheck.posts(mongo, NIGHT)).isInstanceOf(BadDocumentException.class)
			.hasMessage("posts _id p1, field 'creatorId': expected a string, found an array");
	}

	@Test
	void postsShouldFailWhenAPostOfTheNightHasAFractionalTimestamp() {
		insert(InstallationCollection.POSTS, "{_id: 'p1', createdAt: 1795132800000.5}");

		assertThatThrownBy(() -> ContractCheck.posts(mongo, NIGHT)).isInstanceOf(BadDocumentException.class)
			.hasMessageStartingWith("posts _id p1, field 'createdAt': a timestamp must be a whole number");
	}

	@Test
	void codemarksShouldFailWhenTheirTimestampIsAString() {
		insert(InstallationCollection.CODEMARKS, "{_id: 'c1', createdAt: 'yesterday'}");

		assertThatThrownBy(() -> ContractCheck.codemarks(mongo)).isInstanceOf(BadDocumentException.class)
			.hasMessage("codemarks _id c1, field 'createdAt': expected a timestamp (milliseconds since the epoch), "
					+ "found a string");
	}

	@Test
	void reviewsOfOtherNightsShouldBeCheckedToo() {
		insert(InstallationCollection.REVIEWS, "{_id: 'r1', createdAt: 1000, approvedAt: true}");

		assertThatThrownBy(() -> ContractCheck.reviews(mongo)).isInstanceOf(BadDocumentException.class)
			.hasMessageStartingWith("reviews _id r1, field 'approvedAt': expected a timestamp");
	}

	@Test
	void anIdThatIsNeitherAStringNorAnObjectIdShouldBeRefused() {
		insert(InstallationCollection.COMPANIES, "{_id: 42, name: 'Numbered'}");

		assertThatThrownBy(() -> ContractCheck.ids(mongo, InstallationCollection.COMPANIES,
				InstallationDocuments::company))
			.isInstanceOf(BadDocumentException.class)
			.hasMessage("companies, field '_id': expected an ObjectId or a string, found a number");
	}

	@Test
	void aUsersAddressOfTheWrongTypeShouldBeRefusedWithoutFetchingTheAddresses() {
		insert(InstallationCollection.USERS, "{_id: 'u1', email: 'fine@example.com'}");
		insert(InstallationCollection.USERS, "{_id: 'u2', email: ['a@example.com']}");

		assertThatThrownBy(() -> ContractCheck.userEmails(mongo)).isInstanceOf(BadDocumentException.class)
			.hasMessage("users _id u2, field 'email': expected a string, found an array");
	}

}
