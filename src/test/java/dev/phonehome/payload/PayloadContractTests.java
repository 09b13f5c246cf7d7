package dev.phonehome.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The contract check reuses the schema's verdict for items of a shape it has seen: a bad item must still be found
 * when many good items of the same fields come before it.
 */
class PayloadContractTests {

	private static final Path GOLDEN = Path.of("src/test/resources/golden/demo-free-2026-11-20.payload.json");

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final PayloadContract contract = new PayloadContract();

	@TempDir
	Path folder;

	@Test
	void validateShouldAcceptTheGoldenPayload() {
		assertThatNoException().isThrownBy(() -> contract.validate(GOLDEN, true));
	}

	@Test
	void validateShouldFindAFieldOutsideTheContractAfterGoodItemsOfTheSameShape() {
		// given
		Path payload = withLastUser(user -> user.put("password", "x"));
		// when
		PayloadContractException failure = catchThrowableOfType(PayloadContractException.class,
				() -> contract.validate(payload, true));
		// then
		assertThat(failure.getMessage()).contains("/users/50").contains("'password' is not in the contract");
	}

	@Test
	void validateShouldFindAWrongTypeAfterGoodItemsWithTheSameFields() {
		// given
		Path payload = withLastUser(user -> user.put("isAdmin", "yes"));
		// when
		PayloadContractException failure = catchThrowableOfType(PayloadContractException.class,
				() -> contract.validate(payload, true));
		// then
		assertThat(failure.getMessage()).contains("/users/50/isAdmin").contains("type");
	}

	@Test
	void validateShouldFindANegativeCountAndAnEmptyIdAfterGoodItemsWithTheSameFields() {
		// given
		Path payload = withLastUser(user -> user.put("replies", -1).put("id", ""));
		// when
		PayloadContractException failure = catchThrowableOfType(PayloadContractException.class,
				() -> contract.validate(payload, true));
		// then
		assertThat(failure.getMessage()).contains("/users/50/replies").contains("minimum")
			.contains("/users/50/id").contains("minLength");
	}

	@Test
	void validateShouldFindAnEmailOnAPaidNightInEveryItemOfTheSameShape() {
		// given: the free payload's users all carry an email key
		// when
		PayloadContractException failure = catchThrowableOfType(PayloadContractException.class,
				() -> contract.validate(GOLDEN, false));
		// then
		assertThat(failure.getMessage()).contains("/users/0").contains("/users/1:")
			.contains("an email key on a paid night").doesNotContain("@");
	}

	/** The golden payload with a copy of its first user, changed, appended as the 51st. */
	private Path withLastUser(Consumer<ObjectNode> change) {
		try {
			ObjectNode payload = (ObjectNode) mapper.readTree(GOLDEN.toFile());
			ArrayNode users = (ArrayNode) payload.get("users");
			ObjectNode last = ((ObjectNode) users.get(0)).deepCopy();
			change.accept(last);
			users.add(last);
			Path file = folder.resolve("payload.json");
			Files.writeString(file, mapper.writeValueAsString(payload));
			return file;
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
