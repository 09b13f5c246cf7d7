package dev.phonehome.source.mongo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.phonehome.installation.InstallationCollection;

/**
 * A small dump for the night 2026-11-20 (window [1795132800000, 1795219200000)) that exercises what the demo does
 * not: string ids sorting before and after the ObjectIds, references stored as ObjectIds, empty references,
 * timestamps as $date and int64, a codemark with a string id, a missing codemark, posts by someone who is not a
 * user, the window's two edges, and a review approved (not created) in the night.
 */
final class EdgeCaseDump {

	static final String U1 = "6a0000000000000000000001";

	static final String U2 = "6a0000000000000000000002";

	static final String T1 = "6b0000000000000000000001";

	static final Map<InstallationCollection, List<String>> DOCUMENTS = Map.of(
			InstallationCollection.COMPANIES, List.of("""
					{"_id": {"$oid": "6c0000000000000000000001"}, "name": "Edge", "plan": "14DAYTRIAL", "createdAt": 1600000000000.0, "creatorId": "%s"}
					""".formatted(U1)),
			InstallationCollection.TEAMS, List.of("""
					{"_id": {"$oid": "%s"}, "name": "One", "companyId": "6c0000000000000000000001", "adminIds": ["u-string-admin", "%s"], "settings": {"xray": "on", "reviewApproval": ""}}
					""".formatted(T1, U1), """
					{"_id": "team-zz", "name": "Zed", "companyId": "6c0000000000000000000001", "adminIds": [], "createdAt": {"$date": "2025-01-01T00:00:00Z"}}
					"""),
			InstallationCollection.USERS, List.of("""
					{"_id": {"$oid": "%s"}, "email": "one@edge.example", "isRegistered": true, "teamIds": ["%s"], "lastLogin": {"$numberLong": "1795132800001"}}
					""".formatted(U1, T1), """
					{"_id": {"$oid": "%s"}, "email": "two@edge.example", "teamIds": ["team-zz"], "providerInfo": {"%s": {"github": {"accessToken": "t0ken"}, "jira": {"accessToken": ""}}, "gitlab": {"accessToken": "signin"}}}
					""".formatted(U2, T1), """
					{"_id": "u-string-admin", "isRegistered": true, "teamIds": ["%s", ""], "providerInfo": {"%s": {"slack": {"multiple": {"W1": {"accessToken": "x"}}}}}}
					""".formatted(T1, T1), """
					{"_id": "zz-user", "deactivated": true, "teamIds": [{"$oid": "%s"}]}
					""".formatted(T1), """
					{"_id": "0-user", "joinMethod": "Invited", "registeredAt": 1700000000000}
					"""),
			InstallationCollection.POSTS, List.of(
					post("p01", "\"" + U1 + "\"", "1795132800000.0", "\"reviewId\": \"6d0000000000000000000001\""),
					post("p02", "\"" + U1 + "\"", "1795132800001.0", "\"codemarkId\": \"6e0000000000000000000001\""),
					post("p03", "\"" + U1 + "\"", "1795140000000.0", "\"codemarkId\": \"cm-string\""),
					post("p04", "\"" + U1 + "\"", "1795140000000.0", "\"codemarkId\": \"6e00000000000000000000ff\", \"parentPostId\": \"p01\""),
					post("p05", "\"" + U1 + "\"", "1795140000000.0", "\"reviewId\": \"\", \"codemarkId\": null, \"parentPostId\": \"p01\""),
					post("p06", "\"zz-user\"", "{\"$date\": \"2026-11-20T01:00:00Z\"}", "\"parentPostId\": \"p01\""),
					post("p07", "\"0-user\"", "{\"$numberLong\": \"1795150000000\"}", "\"codemarkId\": {\"$oid\": \"6e0000000000000000000002\"}"),
					post("p08", "{\"$oid\": \"" + U2 + "\"}", "1795150000000.0", "\"reviewId\": {\"$oid\": \"6d0000000000000000000001\"}"),
					post("p09", "\"ghost\"", "1795150000000.0", "\"reviewId\": \"6d0000000000000000000001\""),
					post("p10", "\"" + U1 + "\"", "1795219200000.0", "\"reviewId\": \"6d0000000000000000000001\""),
					post("p11", "\"" + U1 + "\"", "1795132799999.0", "\"parentPostId\": \"p01\""),
					post("p12", "\"u-string-admin\"", "1795150000000.0", "\"codemarkId\": \"6e0000000000000000000001\", \"parentPostId\": \"p01\"")),
			InstallationCollection.CODEMARKS, List.of("""
					{"_id": {"$oid": "6e0000000000000000000001"}, "reviewId": "6d0000000000000000000001", "text": "not kept"}
					""", """
					{"_id": "cm-string", "createdAt": 1795140000000.0}
					""", """
					{"_id": {"$oid": "6e0000000000000000000002"}, "reviewId": ""}
					"""),
			InstallationCollection.REVIEWS, List.of("""
					{"_id": {"$oid": "6d0000000000000000000001"}, "teamId": "%s", "createdAt": 1795132900000.0, "creatorId": "%s"}
					""".formatted(T1, U1), """
					{"_id": "r-string", "teamId": "team-zz", "createdAt": 1700000000000.0, "approvedAt": {"$date": "2026-11-20T23:59:59.999Z"}}
					""", """
					{"_id": {"$oid": "6d0000000000000000000003"}, "teamId": "%s", "createdAt": 1795219200000.0}
					""".formatted(T1)));

	private EdgeCaseDump() {
	}

	private static String post(String id, String creatorId, String createdAt, String references) {
		return "{\"_id\": \"" + id + "\", \"creatorId\": " + creatorId + ", \"createdAt\": " + createdAt + ", "
				+ references + ", \"text\": \"not kept\"}";
	}

	/** Writes the dump as mongoexport would: one file per collection, one document per line. */
	static Path writeTo(Path folder) {
		try {
			Files.createDirectories(folder);
			for (InstallationCollection collection : InstallationCollection.values()) {
				List<String> lines = DOCUMENTS.get(collection).stream().map(String::strip).toList();
				Files.write(folder.resolve(collection.dumpFileName()), lines);
			}
			return folder;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
