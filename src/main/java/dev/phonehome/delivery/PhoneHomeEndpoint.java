package dev.phonehome.delivery;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

import dev.phonehome.settings.PhoneHomeKey;
import dev.phonehome.settings.ServicesConfig;

/**
 * Where the payloads go ({@code {apiServer.phoneHomeUrl}/phone-home}) and the key that goes with them. The key is
 * kept inside: {@link #toString()} shows the URL only.
 */
final class PhoneHomeEndpoint {

	static final String PATH = "/phone-home";

	private final URI uri;

	private final PhoneHomeKey key;

	private PhoneHomeEndpoint(URI uri, PhoneHomeKey key) {
		this.uri = uri;
		this.key = key;
	}

	URI uri() {
		return uri;
	}

	/** Only for the request header. */
	String revealKey() {
		return key.reveal();
	}

	@Override
	public String toString() {
		return uri.toString();
	}

	/** The endpoint of a services config, or why there is none (to tell the operator; never shows the key). */
	static Resolution resolve(ServicesConfig config, boolean allowInsecureHttp) {
		String url = config.phoneHomeUrl();
		if (url == null || url.isBlank()) {
			return Resolution.refused(config.origin() + ": apiServer.phoneHomeUrl is not set, so nothing can be sent. "
					+ "Set it; the night stays queued and the next run sends it.");
		}
		if (config.phoneHomeKey() == null) {
			return Resolution.refused(config.origin() + ": universalSecrets.telemetry (the phone-home key) is not set, "
					+ "so nothing can be sent. Set it; the night stays queued and the next run sends it.");
		}
		URI base;
		try {
			base = URI.create(url.strip());
		}
		catch (IllegalArgumentException ex) {
			return Resolution.refused(config.origin() + ": apiServer.phoneHomeUrl is not a valid URL");
		}
		String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase();
		if (base.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
			return Resolution.refused(config.origin() + ": apiServer.phoneHomeUrl must be an https:// URL");
		}
		if (base.getUserInfo() != null) {
			return Resolution.refused(config.origin() + ": apiServer.phoneHomeUrl must not carry a user or password");
		}
		if (scheme.equals("http") && !isLoopback(base.getHost()) && !allowInsecureHttp) {
			return Resolution.refused(config.origin() + ": apiServer.phoneHomeUrl is plain http to " + base.getHost()
					+ "; the payload would travel unencrypted. Use https, or pass --allow-insecure-http if you "
					+ "accept that. The night stays queued.");
		}
		String path = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
		URI target = URI.create(scheme + "://" + base.getRawAuthority() + path + PATH);
		return new Resolution(new PhoneHomeEndpoint(target, config.phoneHomeKey()), null);
	}

	/** Loopback by literal only: a name other than localhost is never resolved to decide this. */
	private static boolean isLoopback(String host) {
		if (host.equalsIgnoreCase("localhost")) {
			return true;
		}
		String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
		if (!literal.matches("[0-9.]+") && !literal.contains(":")) {
			return false;
		}
		try {
			return InetAddress.getByName(literal).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	/** Either an endpoint or the reason there is none. */
	record Resolution(PhoneHomeEndpoint endpoint, String refusal) {

		static Resolution refused(String reason) {
			return new Resolution(null, reason);
		}

		boolean usable() {
			return endpoint != null;
		}

	}

}
