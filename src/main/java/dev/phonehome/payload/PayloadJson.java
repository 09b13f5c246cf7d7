package dev.phonehome.payload;

import java.io.StringWriter;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

import dev.phonehome.source.CodeReview;
import dev.phonehome.source.Company;
import dev.phonehome.source.Team;
import dev.phonehome.source.User;

/**
 * Writes payload items as compact JSON, field by field in contract order, so the same data always gives the
 * same bytes. Written by hand rather than by data binding so the order and the email rule are visible here.
 */
public final class PayloadJson {

	// The caller owns the stream it hands in, and closes it.
	static final JsonFactory FACTORY = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

	private PayloadJson() {
	}

	public static String company(Company c) {
		return write(g -> {
			g.writeStringProperty("id", c.id());
			g.writeStringProperty("name", c.name());
			g.writeBooleanProperty("isDeactivated", c.isDeactivated());
			number(g, "createdAt", c.createdAt());
			g.writeStringProperty("creatorId", c.creatorId());
			g.writeStringProperty("plan", c.plan());
		});
	}

	public static String team(Team t) {
		return write(g -> {
			g.writeStringProperty("id", t.id());
			g.writeStringProperty("name", t.name());
			g.writeStringProperty("companyId", t.companyId());
			g.writeBooleanProperty("isDeactivated", t.isDeactivated());
			number(g, "createdAt", t.createdAt());
			g.writeStringProperty("creatorId", t.creatorId());
			g.writeStringProperty("liveView", t.liveView());
			g.writeStringProperty("codeReviewApproval", t.codeReviewApproval());
			g.writeStringProperty("codeReviewAssignment", t.codeReviewAssignment());
		});
	}

	/** With {@code includeEmail} false (a paid installation) the item has no {@code email} key at all. */
	public static String user(User u, boolean includeEmail) {
		return write(g -> {
			g.writeStringProperty("id", u.id());
			if (includeEmail) {
				g.writeStringProperty("email", u.email());
			}
			g.writeBooleanProperty("isRegistered", u.isRegistered());
			g.writeBooleanProperty("isDeactivated", u.isDeactivated());
			g.writeBooleanProperty("isAdmin", u.isAdmin());
			number(g, "registeredAt", u.registeredAt());
			g.writeStringProperty("joinMethod", u.joinMethod());
			number(g, "lastLogin", u.lastLogin());
			g.writeStringProperty("lastOrigin", u.lastOrigin());
			g.writeStringProperty("lastOriginDetail", u.lastOriginDetail());
			g.writeNumberProperty("codemarks", u.codemarks());
			g.writeNumberProperty("codemarksInReviews", u.codemarksInReviews());
			g.writeNumberProperty("reviews", u.reviews());
			g.writeNumberProperty("replies", u.replies());
		});
	}

	public static String codeReview(CodeReview r) {
		return write(g -> {
			g.writeStringProperty("teamId", r.teamId());
			g.writeStringProperty("reviewId", r.reviewId());
			number(g, "createdAt", r.createdAt());
			number(g, "approvedAt", r.approvedAt());
		});
	}

	/** Writes the header fields of the payload object (the object itself is opened by the caller). */
	static void header(JsonGenerator g, PayloadHeader h) {
		g.writeNumberProperty("date", h.date());
		g.writeStringProperty("installationId", h.installationId());
		g.writeStringProperty("installationVersion", h.installationVersion());
		g.writeBooleanProperty("outboundEmailEnabled", h.outboundEmailEnabled());
		g.writeBooleanProperty("slackInteractiveComponentsEnabled", h.slackInteractiveComponentsEnabled());
		g.writeArrayPropertyStart("integrations");
		for (String integration : h.integrations()) {
			g.writeString(integration);
		}
		g.writeEndArray();
	}

	private static void number(JsonGenerator g, String name, Long value) {
		if (value == null) {
			g.writeNullProperty(name);
		}
		else {
			g.writeNumberProperty(name, value.longValue());
		}
	}

	private static String write(Fields fields) {
		StringWriter out = new StringWriter(256);
		try (JsonGenerator g = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
			g.writeStartObject();
			fields.write(g);
			g.writeEndObject();
		}
		return out.toString();
	}

	@FunctionalInterface
	private interface Fields {

		void write(JsonGenerator g);

	}

}
