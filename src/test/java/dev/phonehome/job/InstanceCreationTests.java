package dev.phonehome.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.dao.CannotSerializeTransactionException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionSystemException;

/** PostgreSQL's serialization failure when two nodes create the same night's instance: one more start, no more. */
class InstanceCreationTests {

	private static final LocalDate NIGHT = LocalDate.parse("2026-11-20");

	@Test
	void aSerializationFailureShouldBeFollowedByOneMoreStart() throws Exception {
		// given: the first start loses the race (wrapped, as a commit failure can be)
		JobExecution started = mock(JobExecution.class);
		AtomicInteger starts = new AtomicInteger();

		// when
		JobExecution execution = InstanceCreation.retryingOnce(NIGHT, () -> {
			if (starts.incrementAndGet() == 1) {
				throw new TransactionSystemException("commit failed",
						new CannotSerializeTransactionException("could not serialize access"));
			}
			return started;
		});

		// then
		assertThat(execution).isSameAs(started);
		assertThat(starts).hasValue(2);
	}

	@Test
	void aSecondSerializationFailureShouldReachTheCaller() {
		AtomicInteger starts = new AtomicInteger();

		assertThatThrownBy(() -> InstanceCreation.retryingOnce(NIGHT, () -> {
			starts.incrementAndGet();
			throw new CannotSerializeTransactionException("could not serialize access");
		})).isInstanceOf(CannotSerializeTransactionException.class);
		assertThat(starts).hasValue(2);
	}

	@Test
	void anyOtherFailureShouldNotBeRetried() {
		AtomicInteger starts = new AtomicInteger();

		assertThatThrownBy(() -> InstanceCreation.retryingOnce(NIGHT, () -> {
			starts.incrementAndGet();
			throw new DataIntegrityViolationException("duplicate key");
		})).isInstanceOf(DataIntegrityViolationException.class);
		assertThat(starts).hasValue(1);
	}

}
