package dev.phonehome.source.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.phonehome.PhoneHomeApplication;
import dev.phonehome.cli.CliRunner;
import picocli.CommandLine;

/**
 * The reference the MongoDB source must match: {@code import} + {@code run} of the same dump on the embedded
 * store, in a context of its own (no MongoDB URI: the JDBC readers) with a home of its own.
 */
final class EmbeddedStoreRun {

	private EmbeddedStoreRun() {
	}

	static byte[] payload(Path dump, Path home, String config, String date) {
		Path out = home.resolve("out");
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PhoneHomeApplication.class)
			.properties("phonehome.cli.enabled=false", "phonehome.source=embedded", "phonehome.home=" + home)
			.run()) {
			execute(context, "import", "--from", dump.toString());
			execute(context, "run", "--date", date, "--dry-run", "--out", out.toString(), "--config", config);
			return Files.readAllBytes(out.resolve("payload.json"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void execute(ConfigurableApplicationContext context, String... args) {
		StringWriter err = new StringWriter();
		CommandLine commandLine = CliRunner.newCommandLine(context);
		commandLine.setErr(new PrintWriter(err, true));
		commandLine.setOut(new PrintWriter(new StringWriter(), true));
		assertThat(commandLine.execute(args)).as(String.join(" ", args) + ": " + err).isZero();
	}

}
