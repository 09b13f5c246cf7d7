package dev.phonehome.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.phonehome.audit.pdf.AuditTemplates;

/**
 * What ships: run by failsafe after {@code package}, so the jar exists. It holds every audit template compiled
 * ({@code .jasper}) and no report compiler: nothing compiles a template at run time. And the jar's audit uses
 * its own templates wherever it is started.
 */
class PackagedJarIT {

	private static final Path JAR = Path.of("target/phonehome.jar").toAbsolutePath();

	private static final Path DEMO = Path.of("jobs/phone-home/demo/free").toAbsolutePath();

	@Test
	void packagedJarShouldHoldEveryCompiledTemplateAndNoReportCompiler() throws IOException {
		assertThat(JAR).as("the jar built by 'mvn package'").isRegularFile();
		try (JarFile jar = new JarFile(JAR.toFile())) {
			for (String name : CompiledTemplatesTests.templateNames()) {
				ZipEntry entry = jar.getEntry("BOOT-INF/classes/" + AuditTemplates.resource(name));
				assertThat(entry).as(name + ".jasper in " + JAR).isNotNull();
				assertThat(entry.getSize()).isPositive();
			}
			assertThat(jar.stream().map(ZipEntry::getName))
				.noneMatch(n -> n.startsWith("BOOT-INF/lib/ecj-") || n.startsWith("BOOT-INF/lib/jasperreports-jdt-"));
		}
	}

	@Test
	void auditShouldUseTheJarsStylesWhenStartedInAFolderHoldingAnotherReportsFolder(@TempDir Path folder)
			throws Exception {
		// given: an operator's folder holding a reports/audit-styles.jrtx of its own (another version's, or anything)
		Files.createDirectories(folder.resolve("reports"));
		Files.writeString(folder.resolve("reports/audit-styles.jrtx"),
				"<?xml version=\"1.0\"?>\n<jasperTemplate>\n</jasperTemplate>\n");
		Path home = folder.resolve("home");
		Path config = Files.createDirectories(folder.resolve("config")).resolve("codestream-services-config.json");
		Files.copy(DEMO.resolve("codestream-services-config.json"), config);
		Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
		Files.copy(DEMO.resolve("container-versions"), config.resolveSibling("container-versions"));

		// when
		int imported = phonehome(folder, "import", "--home", home.toString(), "--from", DEMO.toString());
		int ran = phonehome(folder, "run", "--dry-run", "--date", "2026-11-20", "--home", home.toString(), "--config",
				config.toString());

		// then
		assertThat(imported).as(output(folder)).isZero();
		assertThat(ran).as(output(folder)).isZero();
		try (Stream<Path> files = Files.walk(home.resolve("nights"))) {
			assertThat(files.filter(f -> f.getFileName().toString().equals("audit.pdf")).toList()).singleElement()
				.satisfies(pdf -> assertThat(Files.size(pdf)).isPositive());
		}
	}

	private static int phonehome(Path folder, String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx256m", "-jar", JAR.toString()));
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).directory(folder.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(new File(folder.toFile(), "phonehome.out")))
			.start();
		if (!process.waitFor(5, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IllegalStateException("phonehome " + args[0] + " did not end within 5 minutes");
		}
		return process.exitValue();
	}

	private static String output(Path folder) throws IOException {
		return Files.readString(folder.resolve("phonehome.out"));
	}

}
