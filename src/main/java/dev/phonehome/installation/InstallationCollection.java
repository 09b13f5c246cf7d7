package dev.phonehome.installation;

/** The six collections phonehome reads, in the order an import loads them. */
public enum InstallationCollection {

	COMPANIES("companies"), TEAMS("teams"), USERS("users"), POSTS("posts"), CODEMARKS("codemarks"), REVIEWS("reviews");

	private final String collectionName;

	InstallationCollection(String collectionName) {
		this.collectionName = collectionName;
	}

	/** The MongoDB collection name, also the table name in the embedded store. */
	public String collectionName() {
		return collectionName;
	}

	/** The file mongoexport writes for this collection in a dump directory. */
	public String dumpFileName() {
		return collectionName + ".json";
	}

}
