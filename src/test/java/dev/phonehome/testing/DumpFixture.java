package dev.phonehome.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.phonehome.installation.InstallationCollection;

/**
 * Writes a small mongoexport-style dump (six JSON Lines files) from documents given as Extended JSON text, so a
 * test states exactly the documents its rule is about.
 */
public final class DumpFixture {

	private final Map<InstallationCollection, List<String>> lines = new EnumMap<>(InstallationCollection.class);

	public DumpFixture() {
		for (InstallationCollection collection : InstallationCollection.values()) {
			lines.put(collection, new ArrayList<>());
		}
	}

	public DumpFixture add(InstallationCollection collection, String json) {
		lines.get(collection).add(json);
		return this;
	}

	public DumpFixture company(String json) {
		return add(InstallationCollection.COMPANIES, json);
	}

	public DumpFixture team(String json) {
		return add(InstallationCollection.TEAMS, json);
	}

	public DumpFixture user(String json) {
		return add(InstallationCollection.USERS, json);
	}

	public DumpFixture post(String json) {
		return add(InstallationCollection.POSTS, json);
	}

	public DumpFixture codemark(String json) {
		return add(InstallationCollection.CODEMARKS, json);
	}

	public DumpFixture review(String json) {
		return add(InstallationCollection.REVIEWS, json);
	}

	/** Writes the six files into {@code folder} and returns it. */
	public Path writeTo(Path folder) {
		try {
			Files.createDirectories(folder);
			for (var entry : lines.entrySet()) {
				Files.write(folder.resolve(entry.getKey().dumpFileName()), entry.getValue());
			}
			return folder;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A services config with the given installation id and extra top-level JSON members. */
	public static Path config(Path folder, String installationId, String extraMembers) {
		try {
			Files.createDirectories(folder);
			Path file = folder.resolve("codestream-services-config.json");
			Files.writeString(file, "{\"sharedGeneral\": {\"installationId\": \"" + installationId + "\"}"
					+ (extraMembers.isBlank() ? "" : ", " + extraMembers) + "}");
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
