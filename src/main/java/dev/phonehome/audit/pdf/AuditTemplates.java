package dev.phonehome.audit.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRTemplate;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.util.JRLoader;
import net.sf.jasperreports.engine.xml.JRXmlTemplateLoader;

/**
 * The audit's JasperReports templates, compiled at build time ({@link TemplateCompiler}: {@code reports/*.jasper}
 * in the jar) and loaded once per JVM on first use: loading takes milliseconds where compiling the JRXML took most
 * of a second, and the jar carries no report compiler.
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

	/** The styles every template uses ({@code reports/audit-styles.jrtx}), parsed once per JVM. */
	public static final String STYLES = "reports/audit-styles.jrtx";

	private static final Map<String, JasperReport> LOADED = new ConcurrentHashMap<>();

	private static volatile JRTemplate styles;

	private AuditTemplates() {
	}

	public static JasperReport get(String name) {
		return LOADED.computeIfAbsent(name, AuditTemplates::load);
	}

	/**
	 * The templates' styles, from the classpath only: named as a location, {@code "reports/audit-styles.jrtx"}, Jasper
	 * would look relative to the working directory first, and a run started in a folder holding another
	 * {@code reports/} would take that folder's styles (PackagedJarIT).
	 */
	public static JRTemplate styles() {
		JRTemplate loaded = styles;
		if (loaded == null) {
			try (InputStream in = AuditTemplates.class.getClassLoader().getResourceAsStream(STYLES)) {
				if (in == null) {
					throw new IllegalStateException("the report styles " + STYLES + " are not on the classpath");
				}
				loaded = JRXmlTemplateLoader.load(in);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot read the report styles " + STYLES, ex);
			}
			styles = loaded;
		}
		return loaded;
	}

	/** The classpath resource of a compiled template. */
	public static String resource(String name) {
		return "reports/" + name + ".jasper";
	}

	private static JasperReport load(String name) {
		String resource = resource(name);
		try (InputStream in = AuditTemplates.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("the compiled report template " + resource
						+ " is not on the classpath (the build compiles reports/*.jrxml in process-classes)");
			}
			return (JasperReport) JRLoader.loadObject(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the report template " + resource, ex);
		}
		catch (JRException ex) {
			throw new IllegalStateException("the report template " + resource + " does not load: "
					+ ex.getMessage(), ex);
		}
	}

}
