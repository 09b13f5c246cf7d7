package dev.phonehome;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The floors of the house, and that they point one way (README, "Design: packages and layers"):
 *
 * <pre>
 * top       cli, console, and the application itself      parse arguments / serve pages, call services
 * job       job                                           the job's configuration and the night launcher
 * features  payload, audit, delivery, verify, history,    what a night does and proves
 *           export, dump, changes, approval, metrics
 * bottom    record, source, settings, artefact,           the night's record, where data comes from, files
 *           installation, progress, home, support
 * </pre>
 *
 * A floor uses only the floors below it (features may use each other, without cycles); no two packages depend on
 * each other; a feature's sub-packages are its own.
 */
class ArchitectureTests {

	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.phonehome");

	private static final String[] TOP = { "dev.phonehome", "dev.phonehome.cli..", "dev.phonehome.console.." };

	private static final String[] FEATURES = { "dev.phonehome.payload..", "dev.phonehome.audit..",
			"dev.phonehome.delivery..", "dev.phonehome.verify..", "dev.phonehome.history..", "dev.phonehome.export..",
			"dev.phonehome.dump..", "dev.phonehome.changes..", "dev.phonehome.approval..", "dev.phonehome.metrics.." };

	private static final String[] BOTTOM = { "dev.phonehome.record..", "dev.phonehome.source..",
			"dev.phonehome.settings..", "dev.phonehome.artefact..", "dev.phonehome.installation..",
			"dev.phonehome.progress..", "dev.phonehome.home..", "dev.phonehome.support..", "dev.phonehome.failpoint.." };

	@Test
	void floorsShouldPointDownwardsOnly() {
		layeredArchitecture().consideringOnlyDependenciesInLayers()
			.withOptionalLayers(true)
			.layer("top")
			.definedBy(TOP)
			.layer("job")
			.definedBy("dev.phonehome.job..")
			.layer("features")
			.definedBy(FEATURES)
			.layer("bottom")
			.definedBy(BOTTOM)
			.whereLayer("top")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("job")
			.mayOnlyBeAccessedByLayers("top")
			.whereLayer("features")
			.mayOnlyBeAccessedByLayers("top", "job")
			.check(MAIN);
	}

	@Test
	void noTwoPackagesShouldDependOnEachOther() {
		slices().matching("dev.phonehome.(**)").should().beFreeOfCycles().check(MAIN);
	}

	@Test
	void aFeaturesSubPackagesShouldBeItsOwn() {
		noClasses().that()
			.resideOutsideOfPackage("dev.phonehome.audit..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.phonehome.audit.pdf..", "dev.phonehome.audit.csv..", "dev.phonehome.audit.content..")
			.check(MAIN);
		noClasses().that()
			.resideOutsideOfPackage("dev.phonehome.source..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.phonehome.source.jdbc..", "dev.phonehome.source.mongo..")
			.check(MAIN);
	}

	@Test
	void everyPackageShouldSitOnAFloor() {
		noClasses().should()
			.resideOutsideOfPackages(concat(TOP, new String[] { "dev.phonehome.job.." }, FEATURES, BOTTOM))
			.check(MAIN);
	}

	private static String[] concat(String[]... groups) {
		return java.util.Arrays.stream(groups).flatMap(java.util.Arrays::stream).toArray(String[]::new);
	}

}
