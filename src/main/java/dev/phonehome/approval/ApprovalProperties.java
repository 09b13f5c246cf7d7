package dev.phonehome.approval;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code phonehome.approval.*}: which scope changes hold a night until a second person approves it.
 *
 * @param requiredWhen the scope changes that need approval; default {@code emails-on,fields}; empty: none (the gate
 *        only records scopes)
 */
@ConfigurationProperties("phonehome.approval")
public record ApprovalProperties(@DefaultValue({ "emails-on", "fields" }) List<ScopeChange> requiredWhen) {

	public ApprovalProperties {
		requiredWhen = requiredWhen == null ? List.of() : List.copyOf(requiredWhen);
	}

}
