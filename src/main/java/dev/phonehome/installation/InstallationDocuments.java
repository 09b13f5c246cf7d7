package dev.phonehome.installation;

import static dev.phonehome.installation.InstallationCollection.*;

import org.bson.BsonDocument;

/**
 * Maps raw documents (from a mongoexport dump or a live MongoDB) to the fields phonehome keeps. Both sources go
 * through here, so they accept and refuse exactly the same documents.
 */
public final class InstallationDocuments {

	private InstallationDocuments() {
	}

	public static CompanyDocument company(BsonDocument raw) {
		DocumentFields f = new DocumentFields(COMPANIES, raw);
		return new CompanyDocument(f.id(), f.string("name"), f.string("plan"), f.bool("deactivated"),
				f.timestamp("createdAt"), f.reference("creatorId"));
	}

	public static TeamDocument team(BsonDocument raw) {
		DocumentFields f = new DocumentFields(TEAMS, raw);
		f.document("settings");
		return new TeamDocument(f.id(), f.string("name"), f.reference("companyId"), f.bool("deactivated"),
				f.timestamp("createdAt"), f.reference("creatorId"), f.string("settings.xray"),
				f.string("settings.reviewApproval"), f.string("settings.reviewAssignment"), f.idArray("adminIds"));
	}

	public static UserDocument user(BsonDocument raw) {
		DocumentFields f = new DocumentFields(USERS, raw);
		return new UserDocument(f.id(), f.string("email"), f.bool("isRegistered"), f.bool("deactivated"),
				f.timestamp("registeredAt"), f.string("joinMethod"), f.timestamp("lastLogin"), f.string("lastOrigin"),
				f.string("lastOriginDetail"), f.string("externalUserId"), f.idArray("teamIds"),
				ProviderTokens.providersWithToken(f.document("providerInfo")));
	}

	public static PostDocument post(BsonDocument raw) {
		DocumentFields f = new DocumentFields(POSTS, raw);
		return new PostDocument(f.id(), f.reference("creatorId"), f.timestamp("createdAt"), f.reference("codemarkId"),
				f.reference("reviewId"), f.reference("parentPostId"));
	}

	public static CodemarkDocument codemark(BsonDocument raw) {
		DocumentFields f = new DocumentFields(CODEMARKS, raw);
		return new CodemarkDocument(f.id(), f.reference("reviewId"), f.timestamp("createdAt"));
	}

	public static ReviewDocument review(BsonDocument raw) {
		DocumentFields f = new DocumentFields(REVIEWS, raw);
		return new ReviewDocument(f.id(), f.reference("teamId"), f.timestamp("createdAt"), f.timestamp("approvedAt"),
				f.reference("creatorId"));
	}

}
