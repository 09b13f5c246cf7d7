package dev.phonehome.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.origin.Origin;
import org.springframework.core.convert.ConversionFailedException;

import dev.phonehome.settings.SafeUrl;
import dev.phonehome.support.Causes;

/**
 * A {@code phonehome.*} (or Spring) setting that cannot be used, said in one line an operator can act on: which
 * setting, where it was set, what is wrong with its value and what it may be. Without this, Spring's binder failure
 * reached the operator as two hundred lines of "Error creating bean" and exit 1. The value of a setting whose name
 * says it is secret (a password, key, token) is never repeated, and a URL's credentials are masked.
 */
public final class BadSetting {

	private static final Pattern SECRET = Pattern.compile("(?i).*(password|secret|key|token|credential).*");

	private BadSetting() {
	}

	/** The line for a binding failure anywhere in {@code failure}'s causes, or {@code null} when there is none. */
	public static String describe(Throwable failure) {
		BindException bind = Causes.find(failure, BindException.class).orElse(null);
		if (bind == null) {
			return null;
		}
		String name = bind.getName().toString();
		Origin origin = bind.getProperty() == null ? null : bind.getProperty().getOrigin();
		StringBuilder line = new StringBuilder("phonehome: configuration error: the setting ").append(name);
		if (origin != null) {
			line.append(" (").append(origin).append(')');
		}
		ConversionFailedException conversion = Causes.find(bind, ConversionFailedException.class).orElse(null);
		boolean secret = SECRET.matcher(name).matches();
		Object value = conversion != null ? conversion.getValue()
				: bind.getProperty() == null ? null : bind.getProperty().getValue();
		line.append(secret || value == null ? " has a value that" : " value '" + shown(value) + "'");
		Class<?> target = conversion == null ? null : conversion.getTargetType().getType();
		if (target != null && target.isEnum()) {
			line.append(" is not one of ").append(Arrays.stream(target.getEnumConstants())
				.map(constant -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT).replace('_', '-'))
				.collect(Collectors.joining(", ")));
		}
		else if (target != null) {
			line.append(" cannot be read as ").append(target.getSimpleName());
		}
		else {
			line.append(" cannot be used");
		}
		return line.append("; nothing was run.").toString();
	}

	/** A value as it may be shown: a URL with its credentials and query values masked, no control characters. */
	private static String shown(Object value) {
		String text = String.valueOf(value);
		return text.contains("://") ? SafeUrl.of(text) : text.replaceAll("\\p{Cntrl}", "?");
	}

}
