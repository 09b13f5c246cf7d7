package dev.phonehome.audit.pdf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;

/**
 * Build-time step (run by Maven in {@code process-classes}, pom.xml): compiles every {@code *.jrxml} of a folder
 * into a {@code .jasper} beside it, so the jar carries compiled templates and no run pays the compiler (most of
 * a second per JVM). Not called at run time.
 */
public final class TemplateCompiler {

	private TemplateCompiler() {
	}

	public static void main(String[] args) throws IOException, JRException {
		if (args.length != 1) {
			throw new IllegalArgumentException("usage: TemplateCompiler <folder of .jrxml files>");
		}
		List<Path> templates;
		try (Stream<Path> files = Files.list(Path.of(args[0]))) {
			templates = files.filter(p -> p.getFileName().toString().endsWith(".jrxml")).sorted().toList();
		}
		if (templates.isEmpty()) {
			throw new IllegalStateException("no .jrxml template in " + args[0]);
		}
		for (Path source : templates) {
			String name = source.getFileName().toString();
			Path target = source.resolveSibling(name.substring(0, name.length() - ".jrxml".length()) + ".jasper");
			JasperCompileManager.compileReportToFile(source.toString(), target.toString());
		}
		System.out.println("compiled " + templates.size() + " report templates in " + args[0]);
	}

}
