package dev.phonehome.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** No page shows a URL's credentials, whatever text carries the URL. */
class RedactionTests {

	@Test
	void userInformationOfEveryUrlShouldBeMasked() {
		// when
		String shown = Redaction.url("POST https://phonehome:s3cret@receiver.example/phone-home failed; source "
				+ "mongodb://reader:pa55@db1:27017,db2/codestream; plain http://host/x");

		// then
		assertThat(shown).doesNotContain("s3cret", "pa55", "phonehome:", "reader:")
			.contains("https://****@receiver.example/phone-home", "mongodb://****@db1:27017", "http://host/x");
	}

}
