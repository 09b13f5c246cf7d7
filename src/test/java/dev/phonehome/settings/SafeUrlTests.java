package dev.phonehome.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the record, the logs and every message show of a URL: the cases are those a parser gets wrong (issue 11),
 * so the masking works on the raw string.
 */
class SafeUrlTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			mongodb://u:pa?ss@host/db                                         | mongodb://u:****@host/db
			mongodb://u:p@ss/w@h1:27017,h2/codestream?authSource=admin        | mongodb://u:****@h1:27017,h2/codestream?authSource=admin
			mongodb://phonehome:s3cret@127.0.0.1:27017/codestream             | mongodb://phonehome:****@127.0.0.1:27017/codestream
			mongodb+srv://u@cluster.example/codestream                        | mongodb+srv://u@cluster.example/codestream
			mongodb://h/db?authMechanism=MONGODB-AWS&authMechanismProperties=AWS_SESSION_TOKEN:abc | mongodb://h/db?authMechanism=MONGODB-AWS&authMechanismProperties=****
			mongodb://h/db?replicaSet=rs0&tls=true&tlsCertificateKeyFilePassword=pw | mongodb://h/db?replicaSet=rs0&tls=true&tlsCertificateKeyFilePassword=****
			mongodb://u:p#ss@host/db                                          | mongodb://u:****@host/db
			mongodb://localhost/codestream                                    | mongodb://localhost/codestream
			https://phone-home.codestream.com                                 | https://phone-home.codestream.com
			https://phone-home.example/?apikey=abc123                         | https://phone-home.example/?apikey=****
			https://phone-home.example/base?apikey=abc123&region=eu           | https://phone-home.example/base?apikey=****&region=****
			https://phone-home.example/base?abc123                            | https://phone-home.example/base?****
			https://u:p@ss@127.0.0.1:1/                                       | https://****@127.0.0.1:1/
			https://token@phone-home.example/                                 | https://****@phone-home.example/
			https://u:pa ss@h/                                                | https://****@h/
			https://h/#access_token=abc                                       | https://h/#****
			not a url?secret=1                                                | not a url?secret=****
			https://h:8443/x?next=a@b&apikey=k                                | https://h:8443/x?next=****&apikey=****
			mongodb://h/db?authMechanismProperties=X@Y                        | mongodb://h/db?authMechanismProperties=****
			mongodb://u:123?x@host/db                                         | mongodb://u:****@host/db
			mongodb://u/x:p@host/db                                           | mongodb://****@host/db
			""")
	void ofShouldMaskCredentialsAndQueryValuesOnTheRawString(String url, String expected) {
		assertThat(SafeUrl.of(url)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			mongodb://u:pa?ss@host/db                 | pa?ss
			mongodb://u:p@ss/w@h1/db                  | p@ss/w
			https://h/x?apikey=k3y-value              | k3y-value
			https://user:hunter2@h/                   | hunter2
			https://h/x?next=a@b&apikey=k3y-value     | k3y-value
			""")
	void ofShouldNeverShowTheSecret(String url, String secret) {
		assertThat(SafeUrl.of(url)).doesNotContain(secret);
		assertThat(SafeUrl.holdsNoSecret(url)).isFalse();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(textBlock = """
			mongodb://localhost/codestream
			mongodb://phonehome@db1:27017,db2:27017/codestream?replicaSet=rs0&authSource=admin
			https://phone-home.codestream.com
			""")
	void holdsNoSecretShouldAcceptUrlsWithNothingToMask(String url) {
		assertThat(SafeUrl.holdsNoSecret(url)).isTrue();
	}

	@org.junit.jupiter.api.Test
	void ofShouldReplaceControlCharactersSoAUrlCannotForgeALogLine() {
		assertThat(SafeUrl.of("https://h/a\nINFO forged")).isEqualTo("https://h/a\uFFFDINFO forged");
	}

}
