package dev.phonehome.verify;

import java.util.Optional;

/**
 * What a chain entry's subject looks like now, so {@code verify} can tell whether its latest entry still describes
 * it. Each feature that appends to the chain provides one.
 */
public interface ChainSubjects {

	boolean handles(String subject);

	/** The subject's canonical text now, as it would be appended for {@code event}; empty when it is gone. */
	Optional<String> currentText(String subject, String event);

}
