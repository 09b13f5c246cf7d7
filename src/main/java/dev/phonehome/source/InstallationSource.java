package dev.phonehome.source;

import java.util.List;
import java.util.OptionalLong;

import dev.phonehome.installation.InstallationCollection;

/**
 * The small, whole-installation questions the job asks of whichever source is active (embedded store or
 * MongoDB). The large sections are read in chunks by the source's readers, bean names {@code companiesReader},
 * {@code teamsReader}, {@code usersReader} and {@code codeReviewsReader}.
 */
public interface InstallationSource {

	/** Every company's plan, sorted by company id: all the email rule and the switch-off rule need. */
	List<CompanyPlan> companyPlans();

	/** The providers for which at least one user holds a token, sorted and unique. */
	List<String> integrations();

	/**
	 * What the source is and why it was chosen, for the record, the audit and the logs (never with a password):
	 * the {@link SourceDecision#describe()} sentence, e.g. "live MongoDB from storage.mongo.url of ... (mongodb://
	 * localhost/codestream), database codestream".
	 */
	String describe();

	/** How many documents a collection holds, when the source can tell cheaply: for progress and ETA only. */
	default OptionalLong expectedCount(InstallationCollection collection) {
		return OptionalLong.empty();
	}

}
