package dev.phonehome.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import dev.phonehome.approval.ApprovalProperties;

/** A setting that cannot be used is named with what is wrong with it, in one line, never quoting a secret. */
class BadSettingTests {

	@Test
	void unknownPolicyWordShouldBeNamedWithTheWordsAllowed() {
		// given
		Throwable failure = bind(Map.of("phonehome.approval.required-when", "emails-on,bogus"), "phonehome.approval",
				ApprovalProperties.class);

		// when
		String line = BadSetting.describe(failure);

		// then
		assertThat(line).isEqualTo("phonehome: configuration error: the setting phonehome.approval.required-when "
				+ "(\"phonehome.approval.required-when\" from property source \"source\") value 'bogus' is not one of "
				+ "emails-on, fields, integrations, version, first-night; nothing was run.");
	}

	@Test
	void secretSettingShouldBeNamedWithoutItsValue() {
		// given
		Throwable failure = bind(Map.of("test.api-key", "s3cr3t-value"), "test", Keyed.class);

		// when
		String line = BadSetting.describe(failure);

		// then
		assertThat(line).contains("the setting test.api-key", "cannot be read as Integer").doesNotContain("s3cr3t");
	}

	@Test
	void urlGivenWhereANumberBelongsShouldBeShownWithItsCredentialsMasked() {
		// given
		Throwable failure = bind(Map.of("test.retries", "mongodb://phonehome:s3cr3t@db.internal:27017/?tls=true"),
				"test", Retries.class);

		// when
		String line = BadSetting.describe(failure);

		// then
		assertThat(line).contains("the setting test.retries", "mongodb://phonehome:****@db.internal:27017",
				"cannot be read as Integer").doesNotContain("s3cr3t");
	}

	record Retries(Integer retries) {
	}

	@Test
	void failureThatIsNoSettingShouldBeLeftToTheCaller() {
		assertThat(BadSetting.describe(new IllegalStateException("something else"))).isNull();
	}

	record Keyed(Integer apiKey) {
	}

	private static Throwable bind(Map<String, String> settings, String prefix, Class<?> type) {
		MapConfigurationPropertySource source = new MapConfigurationPropertySource(settings);
		Throwable failure = catchThrowable(() -> new Binder(source).bind(prefix, type));
		assertThat(failure).as("binding %s", settings).isNotNull();
		return failure;
	}

}
