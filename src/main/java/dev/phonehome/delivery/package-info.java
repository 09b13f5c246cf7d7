/**
 * Transmission: every real night's payload reaches the vendor exactly once.
 * <ul>
 * <li><b>Transport.</b> {@code POST {apiServer.phoneHomeUrl}/phone-home}, a JSON array of archived payloads (bytes
 * verbatim, oldest night first, at most {@code phonehome.delivery.batch-size} = 100), headers
 * {@code X-CS-Phone-Home-Key} and {@code Idempotency-Key} (SHA-256 of the payloads' SHA-256s in order). JDK
 * client, TLS verified; plain http only to loopback or with {@code run --allow-insecure-http}. Only a complete
 * HTTP 200 within the read timeout counts.</li>
 * <li><b>Outbox</b> ({@code phonehome_outbox}, same datasource): a night is queued when archived and stays PENDING
 * until confirmed; never deleted. Each change commits at once. A set whose fate is unknown (request sent, no complete
 * answer, or the process died while it was in flight) keeps its members and key ({@code key_fixed}) and is re-sent
 * as it was; sets that surely never arrived (connection refused, non-200 answer) are regrouped with newer nights.</li>
 * <li><b>Retries</b>: Spring's {@code RetryTemplate}, exponential backoff with jitter, on 5xx/408/429 and network
 * errors; not on other 4xx. Exhausted: the night stays queued, the job completes, {@code run} exits 9.</li>
 * <li><b>Exactly once across processes</b>: the night's row lock in {@code phonehome_lock} ({@link NightLock}) admits
 * one live process per night (the other exits 8 or 6) and tells a dead execution from a running one (a STARTED
 * execution whose night lock is free is recovered and resumed); the {@code outbox} row lock admits one sender of the
 * backlog at a time. Row locks die with their connection, so {@code kill -9} never leaves one behind.</li>
 * <li><b>Record</b>: {@code delivery.*} facts in the job execution context of the night's execution, updated when a
 * later run delivers it, plus a {@code delivery-addendum.json} beside that night's archived payload.</li>
 * </ul>
 */
package dev.phonehome.delivery;
