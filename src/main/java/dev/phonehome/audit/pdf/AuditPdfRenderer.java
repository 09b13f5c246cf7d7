package dev.phonehome.audit.pdf;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.engine.fill.JRSwapFileVirtualizer;
import net.sf.jasperreports.engine.util.JRSwapFile;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import net.sf.jasperreports.pdf.type.PdfVersionEnum;
import net.sf.jasperreports.pdf.type.PdfaConformanceEnum;

import dev.phonehome.audit.content.AuditChanges;
import dev.phonehome.audit.content.AuditInput;
import dev.phonehome.audit.content.PayloadTally;
import dev.phonehome.payload.Timestamps;
import dev.phonehome.payload.PayloadSection;

/**
 * Renders {@code audit.pdf} in three phases, load (cached, {@link AuditTemplates}), fill, export: a PDF/A-3b
 * document with DejaVu fonts embedded, carrying its evidence as associated files ({@link AuditAttachment}: the
 * archived payload as {@code Source}, {@code audit.csv} as {@code Data}). Filled pages beyond a few dozen are
 * swapped to a temporary file (a Jasper virtualizer) and the tables stream from the payload file, so a
 * 100,000-user night fits in bounded memory.
 */
public final class AuditPdfRenderer {

	/** Filled pages kept in memory; the rest wait in the swap file. */
	private static final int PAGES_IN_MEMORY = 40;

	private static final Path SRGB_PROFILE = writeSrgbProfile();

	/**
	 * @param attachments the files to embed; the cover says whether the payload is among them
	 */
	public void render(AuditInput input, PayloadTally tally, Instant generatedAt, List<AuditAttachment> attachments,
			OutputStream out) {
		render(input, tally, AuditChanges.none(input.record().changes()), generatedAt, attachments, () -> {
		}, out);
	}

	/**
	 * @param attachments the files to embed; the cover says whether the payload is among them
	 * @param attachmentsReady called as the document closes, before the attachments are read (they may still be
	 * being written while the pages are filled and exported)
	 */
	public void render(AuditInput input, PayloadTally tally, AuditChanges changes, Instant generatedAt,
			List<AuditAttachment> attachments, Runnable attachmentsReady, OutputStream out) {
		List<SectionDataSource> tables = new ArrayList<>();
		ChangesSection changesSection = new ChangesSection(changes);
		JRSwapFileVirtualizer virtualizer = new JRSwapFileVirtualizer(PAGES_IN_MEMORY,
				new JRSwapFile(System.getProperty("java.io.tmpdir"), 8192, 64), true);
		try {
			boolean payloadAttached = attachments.stream().anyMatch(a -> a.relationship().equals("Source"));
			Map<String, Object> parameters = parameters(input, tally, generatedAt, payloadAttached, tables);
			changesSection.parameters(parameters);
			parameters.put(JRParameter.REPORT_VIRTUALIZER, virtualizer);
			JasperPrint print = fill(parameters);
			export(print, "Phone-home audit, night " + input.night() + ", execution " + input.executionId(),
					attachments, attachmentsReady, out);
		}
		finally {
			tables.forEach(SectionDataSource::close);
			changesSection.close();
			virtualizer.cleanup();
		}
	}

	private static JasperPrint fill(Map<String, Object> parameters) {
		try {
			return JasperFillManager.fillReport(AuditTemplates.get(AuditTemplates.MASTER), parameters,
					new JREmptyDataSource(1));
		}
		catch (JRException ex) {
			throw new IllegalStateException("cannot fill the audit: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Loads, in the calling thread, what a first audit in a JVM would otherwise load itself: the compiled
	 * templates, and the classes, fonts and colour profile of a fill and a PDF/A export (of a one-row table).
	 */
	public static void warmUp() {
		for (String name : List.of(AuditTemplates.MASTER, AuditTemplates.KEY_VALUES, AuditTemplates.COMPANIES,
				AuditTemplates.TEAMS, AuditTemplates.USERS, AuditTemplates.CODE_REVIEWS, AuditTemplates.CHANGES,
				AuditTemplates.CHANGES_TABLE)) {
			AuditTemplates.get(name);
		}
		Map<String, Object> row = new HashMap<>();
		row.put("label", "warm-up");
		row.put("value", "0123456789 abcdef");
		row.put("mono", Boolean.TRUE);
		Map<String, Object> parameters = new HashMap<>();
		parameters.put(JRParameter.REPORT_LOCALE, Locale.ROOT);
		try {
			JasperPrint print = JasperFillManager.fillReport(AuditTemplates.get(AuditTemplates.KEY_VALUES),
					parameters, new JRMapCollectionDataSource(List.of(row)));
			export(print, "warm-up", List.of(), () -> {
			}, OutputStream.nullOutputStream());
		}
		catch (JRException ex) {
			throw new IllegalStateException("audit warm-up: " + ex.getMessage(), ex);
		}
	}

	private static void export(JasperPrint print, String title, List<AuditAttachment> attachments,
			Runnable attachmentsReady, OutputStream out) {
		JRPdfExporter exporter = new AttachingPdfExporter(attachments, attachmentsReady);
		exporter.setExporterInput(new SimpleExporterInput(print));
		exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
		SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
		// PDF/A-3 is the level that allows embedded files of any kind (PDF/A-1 none, PDF/A-2 only PDF/A files)
		configuration.setPdfaConformance(PdfaConformanceEnum.PDFA_3B);
		configuration.setPdfVersion(PdfVersionEnum.VERSION_1_7);
		configuration.setIccProfilePath(SRGB_PROFILE.toString());
		configuration.setEmbedIccProfile(true);
		configuration.setMetadataTitle(title);
		configuration.setMetadataSubject("What the phone home sent for this night, and why");
		configuration.setMetadataCreator("phonehome");
		exporter.setConfiguration(configuration);
		try {
			exporter.exportReport();
		}
		catch (JRException ex) {
			throw new IllegalStateException("cannot export the audit PDF: " + ex.getMessage(), ex);
		}
	}

	private static Map<String, Object> parameters(AuditInput input, PayloadTally tally, Instant generatedAt,
			boolean payloadAttached, List<SectionDataSource> tables) {
		AuditNarrative narrative = new AuditNarrative(input, tally, payloadAttached);
		Map<String, Object> p = new HashMap<>();
		p.put(JRParameter.REPORT_LOCALE, Locale.ROOT);
		p.put(JRParameter.REPORT_TIME_ZONE, TimeZone.getTimeZone("UTC"));
		p.put("KEY_VALUES_REPORT", AuditTemplates.get(AuditTemplates.KEY_VALUES));
		p.put("COMPANIES_REPORT", AuditTemplates.get(AuditTemplates.COMPANIES));
		p.put("TEAMS_REPORT", AuditTemplates.get(AuditTemplates.TEAMS));
		p.put("USERS_REPORT", AuditTemplates.get(AuditTemplates.USERS));
		p.put("CODE_REVIEWS_REPORT", AuditTemplates.get(AuditTemplates.CODE_REVIEWS));
		p.put("SKIPPED", input.skipped());
		p.put("HEADLINE", narrative.headline());
		p.put("NIGHT", input.night().toString());
		p.put("INSTALLATION_ID", narrative.installationId());
		p.put("EXECUTION_ID", String.valueOf(input.executionId()));
		p.put("RUN_MODE", input.runLabel());
		p.put("PAYLOAD_SHA256",
				input.skipped() ? "none (nothing was sent)" : input.record().payload().file().sha256());
		p.put("GENERATED_AT", Timestamps.iso(generatedAt));
		p.put("COVER_ROWS", new JRMapCollectionDataSource(narrative.cover()));
		p.put("DECISION_ROWS", new JRMapCollectionDataSource(narrative.decisions()));
		p.put("SUMMARY_ROWS", new JRMapCollectionDataSource(narrative.summary()));
		p.put("ACTIVITY_CHART", new JRMapCollectionDataSource(narrative.activityChart()));
		p.put("USERS_CHART", new JRMapCollectionDataSource(narrative.usersChart()));
		p.put("REVIEWS_CHART", new JRMapCollectionDataSource(narrative.reviewsChart()));
		p.put("PLANS_CHART", new JRMapCollectionDataSource(narrative.plansChart()));
		table(p, "COMPANIES", input, tally, PayloadSection.COMPANIES, tables);
		table(p, "TEAMS", input, tally, PayloadSection.TEAMS, tables);
		table(p, "USERS", input, tally, PayloadSection.USERS, tables);
		table(p, "CODE_REVIEWS", input, tally, PayloadSection.CODE_REVIEWS, tables);
		return p;
	}

	private static void table(Map<String, Object> p, String name, AuditInput input, PayloadTally tally,
			PayloadSection section, List<SectionDataSource> tables) {
		SectionDataSource rows = new SectionDataSource(input.payload(), section);
		tables.add(rows);
		p.put(name, rows);
		p.put(name + "_COUNT", tally.count(section));
	}

	private static Path writeSrgbProfile() {
		try {
			Path profile = Files.createTempFile("phonehome-srgb", ".icc");
			Files.write(profile, ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
			profile.toFile().deleteOnExit();
			return profile;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the sRGB colour profile PDF/A needs", ex);
		}
	}

}
