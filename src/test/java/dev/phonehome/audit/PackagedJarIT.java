package dev.phonehome.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;

import dev.phonehome.audit.pdf.AuditTemplates;

/**
 * What ships: run by failsafe after {@code package}, so the jar exists. It holds every audit template compiled
 * ({@code .jasper}) and no report compiler: nothing compiles a template at run time.
 */
class PackagedJarIT {

	private static final Path JAR = Path.of("target/phonehome.jar");

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

}
