package dev.phonehome.audit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import net.sf.jasperreports.engine.JasperReport;

import dev.phonehome.audit.pdf.AuditTemplates;
import dev.phonehome.audit.pdf.TemplateCompiler;

/**
 * The audit's templates are compiled by the build (process-classes), shipped as {@code .jasper} in the jar and
 * loaded at run time: nothing but the build-time {@link TemplateCompiler} calls the report compiler, and the jar
 * carries no compiler ({@link PackagedJarIT} checks the jar).
 */
class CompiledTemplatesTests {

	@Test
	void everyTemplateShouldBeOnTheClasspathCompiledAndLoadWithoutTheCompiler() throws IOException {
		for (String name : templateNames()) {
			// compiled by the build, not older than its source
			Path compiled = Path.of("target/classes", AuditTemplates.resource(name));
			assertThat(compiled).as(name).exists();
			assertThat(Files.getLastModifiedTime(compiled))
				.as(name + ".jasper is older than its .jrxml: the build did not compile it")
				.isGreaterThanOrEqualTo(Files.getLastModifiedTime(Path.of("reports", name + ".jrxml")));
			JasperReport report = AuditTemplates.get(name);
			assertThat(report.getName()).isEqualTo(name);
		}
	}

	@Test
	void onlyTheBuildTimeCompilerShouldCallTheReportCompiler() {
		JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("dev.phonehome");
		noClasses().that()
			.doNotHaveFullyQualifiedName(TemplateCompiler.class.getName())
			.should()
			.dependOnClassesThat()
			.haveNameMatching("net\\.sf\\.jasperreports\\.engine\\.(JasperCompileManager|design\\.JRCompiler|design\\.JRJdtCompiler)")
			.check(main);
	}

	static List<String> templateNames() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("reports"))) {
			List<String> names = files.map(p -> p.getFileName().toString())
				.filter(n -> n.endsWith(".jrxml"))
				.map(n -> n.substring(0, n.length() - ".jrxml".length()))
				.sorted()
				.toList();
			assertThat(names).contains("audit", "audit-users");
			return names;
		}
	}

}
