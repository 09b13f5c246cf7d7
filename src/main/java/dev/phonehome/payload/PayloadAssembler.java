package dev.phonehome.payload;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;

/**
 * Streams the payload object: the header fields, then each section's staged items (one compact JSON object a
 * line, already in id order) as the section's array. Memory stays bounded whatever the night's size.
 */
public final class PayloadAssembler {

	private PayloadAssembler() {
	}

	/** Writes the payload to {@code out} and returns how many items each section holds. */
	public static Map<PayloadSection, Long> assemble(PayloadHeader header, Path partsDirectory, OutputStream out)
			throws IOException {
		Map<PayloadSection, Long> counts = new EnumMap<>(PayloadSection.class);
		try (JsonGenerator g = PayloadJson.FACTORY.createGenerator(ObjectWriteContext.empty(), out,
				JsonEncoding.UTF8)) {
			g.writeStartObject();
			PayloadJson.header(g, header);
			for (PayloadSection section : PayloadSection.values()) {
				g.writeArrayPropertyStart(section.key());
				long count = 0;
				try (BufferedReader lines = Files.newBufferedReader(partsDirectory.resolve(section.partFileName()),
						StandardCharsets.UTF_8)) {
					for (String line; (line = lines.readLine()) != null;) {
						if (!line.isEmpty()) {
							g.writeRawValue(line);
							count++;
						}
					}
				}
				g.writeEndArray();
				counts.put(section, count);
			}
			g.writeEndObject();
		}
		return counts;
	}

}
