package dev.phonehome.job;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.batch.core.job.JobExecution;

import dev.phonehome.dump.BadInputException;
import dev.phonehome.installation.BadDocumentException;
import dev.phonehome.source.SourceUnavailableException;
import dev.phonehome.support.Causes;

/** Turns a failed execution's exceptions into lines an operator can act on. */
public final class JobFailures {

	private JobFailures() {
	}

	public static List<String> describe(JobExecution execution) {
		Set<String> lines = new LinkedHashSet<>();
		for (Throwable failure : execution.getAllFailureExceptions()) {
			lines.add(message(failure));
		}
		return lines.isEmpty() ? List.of("(no failure was recorded; see the log)") : new ArrayList<>(lines);
	}

	public static boolean isBadData(JobExecution execution) {
		return execution.getAllFailureExceptions().stream().anyMatch(JobFailures::isBadData);
	}

	/** The source could not be read as configured (unreachable, refused, missing collection): a config error. */
	public static boolean isSourceUnavailable(JobExecution execution) {
		return execution.getAllFailureExceptions()
			.stream()
			.anyMatch(failure -> Causes.find(failure, SourceUnavailableException.class).isPresent());
	}

	/** Whether the execution failed on the given kind of exception (anywhere in a failure's causes). */
	public static boolean failedWith(JobExecution execution, Class<? extends Throwable> type) {
		return execution.getAllFailureExceptions().stream().anyMatch(failure -> Causes.find(failure, type).isPresent());
	}

	private static boolean isBadData(Throwable failure) {
		return Causes.find(failure, t -> t instanceof BadInputException || t instanceof BadDocumentException)
			.isPresent();
	}

	/** The most specific message: ours when we threw it, else the root cause's. */
	private static String message(Throwable failure) {
		Throwable ours = Causes.find(failure, t -> t.getClass().getPackageName().startsWith("dev.phonehome"))
			.orElse(null);
		if (ours != null) {
			return ours.getMessage();
		}
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

}
