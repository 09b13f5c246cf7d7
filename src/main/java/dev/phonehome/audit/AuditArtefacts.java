package dev.phonehome.audit;

import dev.phonehome.artefact.Artefact;

/** The two documents of a night's audit. */
public record AuditArtefacts(Artefact pdf, Artefact csv) {
}
