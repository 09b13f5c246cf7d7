package dev.phonehome.console.access;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One line of the console's access log: who did what, when, to which night and execution, and how it ended.
 *
 * @param target the path asked for, with the query it had (a payload search's terms are left out: they may be
 *        addresses)
 */
public record AccessEntry(long id, Instant at, String username, Action action, String target, LocalDate night,
		Long executionId, int httpStatus) {
}
