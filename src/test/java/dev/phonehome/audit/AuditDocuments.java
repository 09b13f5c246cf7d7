package dev.phonehome.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.PDNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

import dev.phonehome.audit.csv.AuditColumn;
import dev.phonehome.audit.csv.AuditCsvWriter;

/** Reads the audit's documents back as a reader (or a validator) would: PDF text per page, CSV records. */
public final class AuditDocuments {

	private AuditDocuments() {
	}

	/** The text of each page, as PDFBox extracts it. */
	public static List<String> pdfPages(Path pdf) {
		try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
			PDFTextStripper stripper = new PDFTextStripper();
			List<String> pages = new ArrayList<>();
			for (int page = 1; page <= document.getNumberOfPages(); page++) {
				stripper.setStartPage(page);
				stripper.setEndPage(page);
				pages.add(stripper.getText(document));
			}
			return pages;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String pdfText(Path pdf) {
		return String.join("\n", pdfPages(pdf));
	}

	static List<CSVRecord> csvRecords(Path csv) {
		try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
				CSVParser parser = AuditCsvWriter.FORMAT.builder().setSkipHeaderRecord(true).get().parse(in)) {
			return parser.getRecords();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<CSVRecord> csvRecords(Path csv, String recordType) {
		return csvRecords(csv).stream()
			.filter(r -> r.get(AuditColumn.recordType).equals(recordType))
			.collect(Collectors.toList());
	}

	/** veraPDF's failed rules, empty when the file is PDF/A compliant in the flavour it declares. */
	static List<String> pdfaViolations(Path pdf) {
		VeraGreenfieldFoundryProvider.initialise();
		try (InputStream in = Files.newInputStream(pdf);
				PDFAParser parser = Foundries.defaultInstance().createParser(in)) {
			PDFAValidator validator = Foundries.defaultInstance().createValidator(parser.getFlavour(), false);
			ValidationResult result = validator.validate(parser);
			List<String> failures = result.getTestAssertions()
				.stream()
				.filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
				.map(a -> a.getRuleId() + ": " + a.getMessage())
				.distinct()
				.collect(Collectors.toList());
			if (!result.isCompliant() && failures.isEmpty()) {
				failures.add("not compliant with " + result.getPDFAFlavour());
			}
			return failures;
		}
		catch (Exception ex) {
			throw new IllegalStateException("veraPDF could not validate " + pdf, ex);
		}
	}

	/** The PDF/A flavour the file declares, as veraPDF reads it ("3b", ...). */
	static String pdfaFlavour(Path pdf) {
		VeraGreenfieldFoundryProvider.initialise();
		try (InputStream in = Files.newInputStream(pdf);
				PDFAParser parser = Foundries.defaultInstance().createParser(in)) {
			return parser.getFlavour().getId();
		}
		catch (Exception ex) {
			throw new IllegalStateException("veraPDF could not read " + pdf, ex);
		}
	}

	/** A file embedded in the PDF, as its file specification describes it. */
	record Embedded(String name, String mimeType, String relationship, byte[] bytes) {
	}

	/** The PDF's embedded files (the EmbeddedFiles name tree), and the catalog's AF array size as a check. */
	static List<Embedded> embeddedFiles(Path pdf) {
		try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
			List<Embedded> files = new ArrayList<>();
			PDDocumentNameDictionary names = document.getDocumentCatalog().getNames();
			if (names == null || names.getEmbeddedFiles() == null) {
				return files;
			}
			PDEmbeddedFilesNameTreeNode tree = names.getEmbeddedFiles();
			List<PDComplexFileSpecification> specs = new ArrayList<>();
			if (tree.getNames() != null) {
				specs.addAll(tree.getNames().values());
			}
			if (tree.getKids() != null) {
				for (PDNameTreeNode<PDComplexFileSpecification> kid : tree.getKids()) {
					specs.addAll(kid.getNames().values());
				}
			}
			for (PDComplexFileSpecification spec : specs) {
				PDEmbeddedFile file = spec.getEmbeddedFile();
				files.add(new Embedded(spec.getFileUnicode(), file.getSubtype(),
						spec.getCOSObject().getNameAsString(COSName.getPDFName("AFRelationship")),
						file.toByteArray()));
			}
			return files;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** How many associated files the catalog's AF array lists. */
	static int associatedFiles(Path pdf) {
		try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
			COSArray af = document.getDocumentCatalog().getCOSObject().getCOSArray(COSName.getPDFName("AF"));
			return af == null ? 0 : af.size();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The PDF's outline (bookmarks), depth-first, each title indented by two spaces per level. */
	public static List<String> outline(Path pdf) {
		try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
			List<String> titles = new ArrayList<>();
			PDDocumentOutline outline = document.getDocumentCatalog().getDocumentOutline();
			if (outline != null) {
				outline(outline.children(), "", titles);
			}
			return titles;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void outline(Iterable<PDOutlineItem> items, String indent, List<String> titles) {
		for (PDOutlineItem item : items) {
			titles.add(indent + item.getTitle());
			outline(item.children(), indent + "  ", titles);
		}
	}

}
