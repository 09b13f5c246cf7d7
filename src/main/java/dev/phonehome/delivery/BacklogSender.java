package dev.phonehome.delivery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;

import dev.phonehome.artefact.Artefact;
import dev.phonehome.artefact.ArtefactWriter;
import dev.phonehome.failpoint.Failpoint;
import dev.phonehome.home.ArchiveCopies;

/**
 * Sends every pending night, oldest first, in sets of at most {@code batch-size}, each request retried with
 * exponential backoff and jitter (Spring's {@link RetryTemplate}). Holds the senders' lock for the whole pass.
 * A set whose fate is unknown (sent, no complete answer) keeps its members and its key until a 200 confirms it;
 * sets that surely never arrived are regrouped with newer nights. The first set that cannot be delivered ends the
 * pass: what is left stays pending for the next run.
 */
class BacklogSender {

	private static final Logger log = LoggerFactory.getLogger(BacklogSender.class);

	private final Outbox outbox;

	private final PhoneHomeSender sender;

	private final RetryTemplate retryTemplate;

	private final int batchSize;

	private final ArchiveCopies copies;

	BacklogSender(Outbox outbox, PhoneHomeSender sender, DeliveryProperties properties, ArchiveCopies copies) {
		this.outbox = outbox;
		this.copies = copies;
		this.sender = sender;
		this.batchSize = properties.batchSize();
		this.retryTemplate = new RetryTemplate(RetryPolicy.builder()
			.maxRetries(properties.maxRetries())
			.delay(properties.initialDelay())
			.multiplier(properties.multiplier())
			.maxDelay(properties.maxDelay())
			.jitter(properties.jitter())
			.predicate(failure -> failure instanceof DeliveryFailure delivery && delivery.retryable())
			.build());
		this.retryTemplate.setRetryListener(new RetryListener() {
			@Override
			public void onRetryFailure(RetryPolicy policy, Retryable<?> retryable, Throwable failure) {
				log.warn("{}: attempt failed: {}; retrying", retryable.getName(), failure.getMessage());
			}
		});
	}

	/**
	 * What one pass achieved; the caller holds the transaction that keeps the senders' lock.
	 *
	 * @param stillPending the nights this pass found queued that are still pending after it (a night queued
	 * meanwhile by another run is that run's to send)
	 */
	record Pass(int delivered, int stillPending, int refused, String lastFailure) {
	}

	Pass sendPending(PhoneHomeEndpoint endpoint, long executionId) {
		outbox.lockForSending();
		int abandoned = outbox.settleAbandonedSends();
		if (abandoned > 0) {
			log.warn("{} queued night(s) were being sent when a process stopped; they are re-sent under the same "
					+ "Idempotency-Key", abandoned);
		}
		outbox.releaseLooseKeys();
		int delivered = 0;
		int refused = 0;
		String lastFailure = null;
		List<OutboxEntry> found = outbox.pending();
		java.util.Deque<List<OutboxEntry>> work = new java.util.ArrayDeque<>(sets(found));
		while (!work.isEmpty()) {
			List<OutboxEntry> set = work.removeFirst();
			String key = set.get(0).idempotencyKey() != null ? set.get(0).idempotencyKey() : IdempotencyKey.of(set);
			outbox.assignKey(set, key);
			String name = describe(set);
			try {
				retryTemplate.execute(new Retryable<Void>() {
					@Override
					public Void execute() {
						attempt(endpoint, set, key, executionId);
						return null;
					}

					@Override
					public String getName() {
						return name;
					}
				});
				delivered += set.size();
				log.info("{}: delivered to {} (Idempotency-Key {})", name, endpoint, key);
			}
			catch (RetryException ex) {
				Throwable cause = ex.getLastException() != null ? ex.getLastException() : ex.getCause();
				lastFailure = cause == null ? ex.getMessage() : cause.getMessage();
				if (cause instanceof DeliveryFailure failure && failure.refused()) {
					refused += setAside(set, name, failure, work);
					continue;
				}
				log.warn("{}: not delivered after {} attempt(s): {}; it stays queued for the next run", name,
						ex.getRetryCount() + 1, lastFailure);
				break;
			}
		}
		return new Pass(delivered, found.size() - delivered - refused, refused, lastFailure);
	}

	/**
	 * The receiver refused this set as it is: so that one bad night never blocks the others, a set of several
	 * nights is split and each sent on its own (next in this pass); a single night is set aside (REFUSED, kept
	 * archived, never sent again until an operator re-queues it). Returns how many nights were set aside.
	 */
	private int setAside(List<OutboxEntry> set, String name, DeliveryFailure failure,
			java.util.Deque<List<OutboxEntry>> work) {
		if (set.size() > 1) {
			log.warn("{}: refused by the receiver ({}); sending each night on its own", name, failure.getMessage());
			outbox.releaseKey(set);
			for (int i = set.size() - 1; i >= 0; i--) {
				work.addFirst(List.of(set.get(i).withoutKey()));
			}
			return 0;
		}
		log.error("{}: refused by the receiver ({}); it is set aside (REFUSED) and later nights are sent. Once the "
				+ "cause is fixed: phonehome requeue --date {}", name, failure.getMessage(), set.get(0).night());
		outbox.markRefused(set.get(0).night());
		return 1;
	}

	private void attempt(PhoneHomeEndpoint endpoint, List<OutboxEntry> set, String key, long executionId) {
		outbox.markInFlight(key);
		Failpoint.DELIVER_IN_FLIGHT.hit();
		try {
			sender.send(endpoint, set, key);
			Failpoint.DELIVER_AFTER_200.hit();
		}
		catch (DeliveryFailure failure) {
			outbox.markFailed(key, failure);
			throw failure;
		}
		catch (RuntimeException ex) {
			outbox.markFailed(key, DeliveryFailure.noAnswer(ex));
			throw ex;
		}
		outbox.markDelivered(key, 200, executionId);
		Failpoint.DELIVER_AFTER_MARKED.hit();
	}

	/**
	 * The requests to make, oldest first: fixed sets as they were sent, the other pending nights in new sets.
	 * A night whose archived payload is missing or changed is not sent (and says why).
	 */
	private List<List<OutboxEntry>> sets(List<OutboxEntry> pending) {
		Map<String, List<OutboxEntry>> fixed = new LinkedHashMap<>();
		List<OutboxEntry> loose = new ArrayList<>();
		List<String> brokenKeys = new ArrayList<>();
		for (OutboxEntry queued : pending) {
			OutboxEntry entry = queued;
			String problem;
			try {
				// queued by any node: sent from this node's copy (restored from the database when missing here)
				entry = copies.available(queued.payload()).map(queued::at).orElse(queued);
				problem = archiveProblem(entry);
			}
			catch (RuntimeException ex) {
				problem = ex.getMessage();
			}
			if (problem != null) {
				log.error("night {}: {}; it stays queued and is not sent", entry.night(), problem);
				outbox.markUnsendable(entry.night(), problem);
				if (entry.keyFixed()) {
					brokenKeys.add(entry.idempotencyKey());
				}
			}
			else if (entry.keyFixed()) {
				fixed.computeIfAbsent(entry.idempotencyKey(), k -> new ArrayList<>()).add(entry);
			}
			else {
				loose.add(entry);
			}
		}
		brokenKeys.forEach(fixed::remove);
		List<List<OutboxEntry>> sets = new ArrayList<>(fixed.values());
		for (int from = 0; from < loose.size(); from += batchSize) {
			sets.add(List.copyOf(loose.subList(from, Math.min(loose.size(), from + batchSize))));
		}
		sets.sort(Comparator.comparing(set -> set.get(0).night()));
		return sets;
	}

	private static String archiveProblem(OutboxEntry entry) {
		if (!java.nio.file.Files.isRegularFile(entry.payloadPath())) {
			return "the archived payload " + entry.payloadPath() + " is missing";
		}
		Artefact now = ArtefactWriter.describe(entry.payloadPath());
		if (!now.sha256().equals(entry.payloadSha256()) || now.size() != entry.payloadSize()) {
			return "the archived payload " + entry.payloadPath() + " changed since it was archived (sha256 "
					+ now.sha256() + ", expected " + entry.payloadSha256() + ")";
		}
		return null;
	}

	private static String describe(List<OutboxEntry> set) {
		return set.size() == 1 ? "night " + set.get(0).night()
				: set.size() + " nights " + set.get(0).night() + ".." + set.get(set.size() - 1).night();
	}

}
