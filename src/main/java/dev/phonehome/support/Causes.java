package dev.phonehome.support;

import java.util.Optional;
import java.util.function.Predicate;

/** Walks an exception's chain of causes: how a failure deep in a library is recognised for what it is. */
public final class Causes {

	private Causes() {
	}

	/** The first throwable of the chain (starting with {@code failure} itself) that {@code test} accepts. */
	public static Optional<Throwable> find(Throwable failure, Predicate<Throwable> test) {
		for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (test.test(t)) {
				return Optional.of(t);
			}
		}
		return Optional.empty();
	}

	/** The first throwable of the chain that is a {@code type}. */
	public static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
		return find(failure, type::isInstance).map(type::cast);
	}

}
