package dev.phonehome.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.batch.core.job.JobExecution;

import dev.phonehome.dump.BadInputException;
import dev.phonehome.installation.BadDocumentException;
import dev.phonehome.source.SourceUnavailableException;

/** Turns a failed execution's exceptions into lines an operator can act on. */
final class JobFailures {

	private JobFailures() {
	}

	static List<String> describe(JobExecution execution) {
		Set<String> lines = new LinkedHashSet<>();
		for (Throwable failure : execution.getAllFailureExceptions()) {
			lines.add(message(failure));
		}
		return lines.isEmpty() ? List.of("(no failure was recorded; see the log)") : new ArrayList<>(lines);
	}

	static boolean isBadData(JobExecution execution) {
		return execution.getAllFailureExceptions().stream().anyMatch(JobFailures::isBadData);
	}

	/** The source could not be read as configured (unreachable, refused, missing collection): a config error. */
	static boolean isSourceUnavailable(JobExecution execution) {
		return execution.getAllFailureExceptions().stream().anyMatch(failure -> {
			for (Throwable t = failure; t != null; t = t.getCause()) {
				if (t instanceof SourceUnavailableException) {
					return true;
				}
			}
			return false;
		});
	}

	private static boolean isBadData(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof BadInputException || t instanceof BadDocumentException) {
				return true;
			}
		}
		return false;
	}

	/** The most specific message: ours when we threw it, else the root cause's. */
	private static String message(Throwable failure) {
		Throwable best = failure;
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof BadInputException || t instanceof BadDocumentException
					|| t.getClass().getPackageName().startsWith("dev.phonehome")) {
				return t.getMessage();
			}
			best = t;
		}
		return best.getClass().getSimpleName() + ": " + best.getMessage();
	}

}
