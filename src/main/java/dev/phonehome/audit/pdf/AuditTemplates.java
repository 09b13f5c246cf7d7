package dev.phonehome.audit.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;

/**
 * The audit's JasperReports templates ({@code reports/*.jrxml}, shipped on the classpath), compiled once per JVM
 * on first use: compiling takes most of a second, filling a small night a few milliseconds.
 */
public final class AuditTemplates {

	public static final String MASTER = "audit";

	public static final String KEY_VALUES = "audit-key-values";

	public static final String COMPANIES = "audit-companies";

	public static final String TEAMS = "audit-teams";

	public static final String USERS = "audit-users";

	public static final String CODE_REVIEWS = "audit-code-reviews";

	public static final String CHANGES = "audit-changes";

	public static final String CHANGES_TABLE = "audit-changes-table";

	private static final Map<String, JasperReport> COMPILED = new ConcurrentHashMap<>();

	private AuditTemplates() {
	}

	public static JasperReport get(String name) {
		return COMPILED.computeIfAbsent(name, AuditTemplates::compile);
	}

	private static JasperReport compile(String name) {
		String resource = "reports/" + name + ".jrxml";
		try (InputStream in = AuditTemplates.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("the report template " + resource + " is not on the classpath");
			}
			return JasperCompileManager.compileReport(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the report template " + resource, ex);
		}
		catch (JRException ex) {
			throw new IllegalStateException("the report template " + resource + " does not compile: "
					+ ex.getMessage(), ex);
		}
	}

}
