package dev.phonehome.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import net.sf.jasperreports.engine.JasperCompileManager;

/** Every template under {@code reports/} compiles (and so is written in the JasperReports 7 dialect). */
class ReportTemplatesCompileTests {

	@Test
	void everyReportTemplateShouldCompile() throws IOException {
		// given
		List<Path> templates;
		try (Stream<Path> files = Files.walk(Path.of("reports"))) {
			templates = files.filter(p -> p.toString().endsWith(".jrxml")).sorted().collect(Collectors.toList());
		}

		// then
		assertThat(templates).extracting(p -> p.getFileName().toString())
			.contains("audit.jrxml", "audit-users.jrxml", "audit-key-values.jrxml");
		for (Path template : templates) {
			assertThatCode(() -> JasperCompileManager.compileReport(template.toString())).as(template.toString())
				.doesNotThrowAnyException();
		}
	}

}
