package dev.phonehome.source;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Which source the night reads, decided once when the context starts: MongoDB when
 * {@value #MONGODB_URI} is set (by {@code run --source URI}, pre-scanned before Spring starts, or by the
 * production config), else the embedded store. Exactly one of the two source configurations is active, and both
 * declare the same bean names, so the job never knows which.
 */
public final class SourceSelection {

	public static final String MONGODB_URI = "phonehome.source.mongodb-uri";

	private SourceSelection() {
	}

	static boolean mongoSelected(ConditionContext context) {
		return StringUtils.hasText(context.getEnvironment().getProperty(MONGODB_URI));
	}

	/** Matches when a MongoDB URI is set (an empty value counts as unset). */
	public static class MongoDb implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return mongoSelected(context);
		}

	}

	/** Matches when no MongoDB URI is set: the embedded store is the source. */
	public static class EmbeddedStore implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !mongoSelected(context);
		}

	}

}
