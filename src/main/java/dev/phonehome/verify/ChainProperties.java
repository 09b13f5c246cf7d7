package dev.phonehome.verify;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The record chain's own settings.
 *
 * @param hmacKeyFile a file (mode 600) holding a secret key: entries appended while it is set are keyed
 * (HMAC-SHA256), so whoever can write the database but not read this file cannot forge them; {@code null}: plain
 * SHA-256
 */
@ConfigurationProperties("phonehome.chain")
public record ChainProperties(Path hmacKeyFile) {
}
