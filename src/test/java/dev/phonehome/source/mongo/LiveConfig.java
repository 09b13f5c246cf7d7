package dev.phonehome.source.mongo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo's free services config as an installation's own would be: naming its MongoDB (here the in-process one)
 * in {@code storage.mongo.url}, private (mode 600), with its {@code container-versions} beside it.
 */
final class LiveConfig {

	private static final Path DEMO = Path.of("jobs/phone-home/demo/free");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private LiveConfig() {
	}

	/** Writes it into {@code folder}; returns the config's path. */
	static Path writeTo(Path folder) {
		try {
			ObjectNode config = (ObjectNode) JSON.readTree(DEMO.resolve("codestream-services-config.json").toFile());
			config.putObject("storage").putObject("mongo").put("url", InProcessMongo.uri());
			Path file = folder.resolve("codestream-services-config.json");
			Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(config));
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			Files.copy(DEMO.resolve("container-versions"), folder.resolve("container-versions"));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** In a folder of its own that lives as long as the test run. */
	static Path write() {
		try {
			return writeTo(Files.createTempDirectory("phonehome-live-config"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
