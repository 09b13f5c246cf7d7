package dev.phonehome.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

import dev.phonehome.payload.PayloadJson;
import dev.phonehome.payload.PayloadSection;
import dev.phonehome.source.CodeReview;
import dev.phonehome.source.Company;
import dev.phonehome.source.Team;
import dev.phonehome.source.User;

/**
 * Writes a payload file as the job archives it (header in contract order, then the four arrays of items written
 * by {@link PayloadJson}), streaming, so a test or a benchmark states its nights item by item at any size. The
 * caller gives the items in id order, section after section.
 */
public final class PayloadFile implements AutoCloseable {

	private final OutputStream out;

	private final JsonGenerator g;

	private final boolean emails;

	private PayloadSection open;

	private PayloadFile(Path file, boolean emails) throws IOException {
		this.out = Files.newOutputStream(file);
		this.g = JsonFactory.builder().build().createGenerator(ObjectWriteContext.empty(), out, JsonEncoding.UTF8);
		this.emails = emails;
	}

	/** A payload of {@code night}; {@code emails} false writes users as a paid night does (no email key). */
	public static PayloadFile create(Path file, LocalDate night, String version, boolean emails,
			List<String> integrations) {
		try {
			PayloadFile payload = new PayloadFile(file, emails);
			JsonGenerator g = payload.g;
			g.writeStartObject();
			g.writeNumberProperty("date", night.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
			g.writeStringProperty("installationId", "83a8de00-88ac-11f0-9d4e-0242ac120003");
			g.writeStringProperty("installationVersion", version);
			g.writeBooleanProperty("outboundEmailEnabled", true);
			g.writeBooleanProperty("slackInteractiveComponentsEnabled", true);
			g.writeArrayPropertyStart("integrations");
			integrations.forEach(g::writeString);
			g.writeEndArray();
			return payload;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public PayloadFile company(Company company) {
		return item(PayloadSection.COMPANIES, PayloadJson.company(company));
	}

	public PayloadFile team(Team team) {
		return item(PayloadSection.TEAMS, PayloadJson.team(team));
	}

	public PayloadFile user(User user) {
		return item(PayloadSection.USERS, PayloadJson.user(user, emails));
	}

	public PayloadFile codeReview(CodeReview review) {
		return item(PayloadSection.CODE_REVIEWS, PayloadJson.codeReview(review));
	}

	private PayloadFile item(PayloadSection section, String json) {
		openUpTo(section);
		g.writeRawValue(json);
		return this;
	}

	/** Closes the open array and writes every section up to {@code section} (empty if it had no item). */
	private void openUpTo(PayloadSection section) {
		if (open != null && open.ordinal() > section.ordinal()) {
			throw new IllegalStateException(section + " after " + open + ": give the sections in payload order");
		}
		while (open != section) {
			if (open != null) {
				g.writeEndArray();
			}
			open = open == null ? PayloadSection.values()[0] : PayloadSection.values()[open.ordinal() + 1];
			g.writeArrayPropertyStart(open.key());
		}
	}

	@Override
	public void close() {
		PayloadSection last = PayloadSection.values()[PayloadSection.values().length - 1];
		openUpTo(last);
		g.writeEndArray();
		g.writeEndObject();
		g.close();
		try {
			out.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
