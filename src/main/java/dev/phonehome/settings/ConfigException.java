package dev.phonehome.settings;

/** The services config (or the versions file) cannot be used; the message says where and what to do. */
public class ConfigException extends RuntimeException {

	public ConfigException(String message) {
		super(message);
	}

	public ConfigException(String message, Throwable cause) {
		super(message, cause);
	}

}
