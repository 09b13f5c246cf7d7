package dev.phonehome.artefact;

import java.nio.file.Path;

/** A file a night produced, with what proves its content: its size and SHA-256 (lower-case hex). */
public record Artefact(Path path, long size, String sha256) {
}
