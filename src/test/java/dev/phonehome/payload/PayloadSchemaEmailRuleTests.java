package dev.phonehome.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.harrel.jsonschema.Validator;
import dev.harrel.jsonschema.ValidatorFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The published schema carries the email rule by itself (issue 11): a payload with emails while one of its own
 * companies is on a paid or unknown plan is refused by an independent validator (dev.harrel json-schema, reading
 * the schema file whole) and by ours (streaming), whatever the job decided; free and trial plans pass both.
 */
class PayloadSchemaEmailRuleTests {

	private static final Path SCHEMA = Path.of(PayloadContract.SCHEMA_RESOURCE);

	private static final Path FREE = Path.of("src/test/resources/golden/demo-free-2026-11-20.payload.json");

	private static final Path PAID = Path.of("src/test/resources/golden/demo-paid-2026-11-20.payload.json");

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final PayloadContract contract = new PayloadContract();

	@TempDir
	Path folder;

	@Test
	void bothValidatorsShouldAcceptTheGoldenPayloads() throws IOException {
		assertThat(independentlyValid(FREE)).isTrue();
		assertThat(independentlyValid(PAID)).isTrue();
		assertThatNoException().isThrownBy(() -> contract.validate(FREE, true));
		assertThatNoException().isThrownBy(() -> contract.validate(PAID, false));
	}

	@Test
	void aPaidPayloadWithAnEmailAddedShouldBeRefusedByBothValidators() throws IOException {
		// given: the paid golden payload (BUSINESS among its companies), one user given an address
		Path payload = changed(PAID, p -> ((ObjectNode) p.get("users").get(3)).put("email", "someone@example.com"));
		// then: even a contract told that emails are included refuses it, from the payload's own companies
		assertThat(independentlyValid(payload)).isFalse();
		PayloadContractException failure = catchThrowableOfType(PayloadContractException.class,
				() -> contract.validate(payload, true));
		assertThat(failure.getMessage()).contains("/users/3:").contains("an email key on a paid night")
			.doesNotContain("@");
	}

	@ParameterizedTest
	@ValueSource(strings = { "BUSINESS", "ENTERPRISE", "PLATINUM", "freeplan", "" })
	void aFreePayloadShouldBeRefusedWhenAnyCompanyIsOnAPaidOrUnknownPlan(String plan) throws IOException {
		// given: the free golden payload (every user has an email key), its last company's plan changed
		Path payload = changed(FREE, p -> {
			ArrayNode companies = (ArrayNode) p.get("companies");
			((ObjectNode) companies.get(companies.size() - 1)).put("plan", plan);
		});
		// then
		assertThat(independentlyValid(payload)).isFalse();
		PayloadContractException failure = catchThrowableOfType(PayloadContractException.class,
				() -> contract.validate(payload, true));
		assertThat(failure.getMessage()).contains("/users/0:").contains("an email key on a paid night");
	}

	@ParameterizedTest
	@ValueSource(strings = { "FREEPLAN", "14DAYTRIAL", "30DAYTRIAL", "SALES", "TRIALEXPIRED", "UNEXPIRED" })
	void aFreePayloadShouldPassWhenEveryCompanyIsOnAFreeOrTrialPlan(String plan) throws IOException {
		// given: every company on the same free or trial plan, the users with emails
		Path payload = changed(FREE, p -> p.get("companies").forEach(c -> ((ObjectNode) c).put("plan", plan)));
		// then
		assertThat(independentlyValid(payload)).isTrue();
		assertThatNoException().isThrownBy(() -> contract.validate(payload, true));
	}

	@Test
	void companiesWithNoPlanShouldCountAsFree() throws IOException {
		Path payload = changed(FREE, p -> p.get("companies").forEach(c -> ((ObjectNode) c).putNull("plan")));

		assertThat(independentlyValid(payload)).isTrue();
		assertThatNoException().isThrownBy(() -> contract.validate(payload, true));
	}

	@Test
	void aPaidPayloadWithoutCompaniesOnPaidPlansShouldStillBeRedactedWhenTheNightSaysSo() throws IOException {
		// given: a payload the schema alone would allow emails in
		Path payload = changed(FREE, p -> p.get("companies").forEach(c -> ((ObjectNode) c).put("plan", "SALES")));
		// then: the job's own decision (emails not included) is still enforced by our contract
		assertThat(independentlyValid(payload)).isTrue();
		PayloadContractException failure = catchThrowableOfType(PayloadContractException.class,
				() -> contract.validate(payload, false));
		assertThat(failure.getMessage()).contains("an email key on a paid night");
	}

	private boolean independentlyValid(Path payload) throws IOException {
		Validator.Result result = new ValidatorFactory().validate(Files.readString(SCHEMA),
				Files.readString(payload));
		return result.isValid();
	}

	private Path changed(Path golden, Consumer<ObjectNode> change) throws IOException {
		ObjectNode payload = (ObjectNode) mapper.readTree(golden.toFile());
		change.accept(payload);
		Path file = folder.resolve("payload.json");
		Files.writeString(file, mapper.writeValueAsString(payload));
		return file;
	}

}
