package dev.phonehome.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the audit is written.
 *
 * @param embedPayloadMax the largest archived payload embedded in {@code audit.pdf}; a larger one is not (the
 * cover then says where it is and its SHA-256), {@code audit.csv} always is
 */
@ConfigurationProperties("phonehome.audit")
public record AuditProperties(@DefaultValue("100MB") DataSize embedPayloadMax) {

	public static AuditProperties defaults() {
		return new AuditProperties(DataSize.ofMegabytes(100));
	}

}
