package dev.phonehome.installation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

class DocumentFieldsTests {

	@Test
	void objectIdShouldBeReadAsItsHexString() {
		UserDocument user = InstallationDocuments.user(parse("{\"_id\": {\"$oid\": \"5fa01215c3a94e1d2b7f0a10\"}}"));

		assertThat(user.id()).isEqualTo("5fa01215c3a94e1d2b7f0a10");
	}

	@Test
	void timestampsShouldAcceptWholeDoublesLongsAndDates() {
		String relaxed = "{\"_id\": \"p1\", \"createdAt\": 1615766400000.0}";
		String canonical = "{\"_id\": \"p1\", \"createdAt\": {\"$numberDouble\": \"1615766400000\"}}";
		String numberLong = "{\"_id\": \"p1\", \"createdAt\": {\"$numberLong\": \"1615766400000\"}}";
		String isoDate = "{\"_id\": \"p1\", \"createdAt\": {\"$date\": \"2021-03-15T00:00:00Z\"}}";
		String exponent = "{\"_id\": \"p1\", \"createdAt\": 1.6157664E12}";

		for (String json : new String[] { relaxed, canonical, numberLong, isoDate, exponent }) {
			assertThat(InstallationDocuments.post(parse(json)).createdAt()).as(json).isEqualTo(1615766400000L);
		}
	}

	@Test
	void fractionalTimestampShouldBeBadInput() {
		assertThatThrownBy(() -> InstallationDocuments.post(parse("{\"_id\": \"p1\", \"createdAt\": 1615766400000.5}")))
			.isInstanceOf(BadDocumentException.class)
			.hasMessageContaining("posts _id p1, field 'createdAt'")
			.hasMessageContaining("whole number of milliseconds");
	}

	@Test
	void stringWhereATimestampBelongsShouldNameTheField() {
		assertThatThrownBy(() -> InstallationDocuments.user(parse("{\"_id\": \"u1\", \"lastLogin\": \"yesterday\"}")))
			.isInstanceOf(BadDocumentException.class)
			.hasMessage("users _id u1, field 'lastLogin': expected a timestamp (milliseconds since the epoch), found a string");
	}

	@Test
	void objectWhereAStringBelongsShouldBeBadInput() {
		assertThatThrownBy(() -> InstallationDocuments.company(parse("{\"_id\": \"c1\", \"name\": {\"first\": \"x\"}}")))
			.isInstanceOf(BadDocumentException.class)
			.hasMessageContaining("field 'name': expected a string, found an object");
	}

	@Test
	void missingIdShouldBeBadInput() {
		assertThatThrownBy(() -> InstallationDocuments.team(parse("{\"name\": \"no id\"}")))
			.isInstanceOf(BadDocumentException.class)
			.hasMessageContaining("the required _id is missing");
	}

	@Test
	void nullsShouldReadAsAbsentAndBooleansDefaultToFalse() {
		UserDocument user = InstallationDocuments
			.user(parse("{\"_id\": \"u1\", \"email\": null, \"isRegistered\": null, \"teamIds\": null}"));

		assertThat(user.email()).isNull();
		assertThat(user.isRegistered()).isFalse();
		assertThat(user.deactivated()).isFalse();
		assertThat(user.teamIds()).isEmpty();
	}

	@Test
	void emptyReferenceShouldCountAsUnset() {
		PostDocument post = InstallationDocuments.post(parse("{\"_id\": \"p1\", \"reviewId\": \"\", \"codemarkId\": \"c1\"}"));

		assertThat(post.reviewId()).isNull();
		assertThat(post.codemarkId()).isEqualTo("c1");
	}

	@Test
	void teamSettingsShouldBeKeptRaw() {
		TeamDocument team = InstallationDocuments
			.team(parse("{\"_id\": \"t1\", \"settings\": {\"xray\": \"on\", \"reviewApproval\": \"\"}, \"adminIds\": [\"u1\", \"u1\", \"u2\"]}"));

		assertThat(team.xray()).isEqualTo("on");
		assertThat(team.reviewApproval()).isEmpty();
		assertThat(team.reviewAssignment()).isNull();
		assertThat(team.adminIds()).containsExactly("u1", "u2");
	}

	private static BsonDocument parse(String json) {
		return BsonDocument.parse(json);
	}

}
