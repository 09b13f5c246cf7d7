package dev.phonehome.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

import dev.phonehome.artefact.Sha256;
import dev.phonehome.settings.ConfigException;

/**
 * How an entry's digest is made: SHA-256 of its text and the digest before it, or HMAC-SHA256 of the same with the
 * chain key when {@code phonehome.chain.hmac-key-file} is set. The key is read when needed and never shown.
 */
@Component
public class ChainDigests {

	static final String SHA256 = "sha256";

	static final String HMAC = "hmac-sha256";

	private final ChainProperties properties;

	public ChainDigests(ChainProperties properties) {
		this.properties = properties;
	}

	/** The scheme new entries are appended with. */
	String scheme() {
		return properties.hmacKeyFile() == null ? SHA256 : HMAC;
	}

	boolean canCheck(String scheme) {
		return SHA256.equals(scheme) || (HMAC.equals(scheme) && properties.hmacKeyFile() != null);
	}

	String digest(String scheme, String text, String previousDigest) {
		String linked = text + "previous=" + previousDigest + "\n";
		if (SHA256.equals(scheme)) {
			return Sha256.of(linked);
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key(), "HmacSHA256"));
			return java.util.HexFormat.of().formatHex(mac.doFinal(linked.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is required of every Java runtime", ex);
		}
	}

	private byte[] key() {
		try {
			byte[] key = Files.readAllBytes(properties.hmacKeyFile());
			if (key.length < 16) {
				throw new ConfigException(properties.hmacKeyFile() + ": the chain key must hold at least 16 bytes");
			}
			return key;
		}
		catch (IOException ex) {
			throw new ConfigException(properties.hmacKeyFile() + ": cannot read the chain key (phonehome.chain"
					+ ".hmac-key-file): " + ex.getClass().getSimpleName());
		}
	}

}
