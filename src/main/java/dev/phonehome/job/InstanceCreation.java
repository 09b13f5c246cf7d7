package dev.phonehome.job;

import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.dao.ConcurrencyFailureException;

import dev.phonehome.support.Causes;

/**
 * Starting a night when another node starts it at the same moment: on PostgreSQL, Batch creates the job instance
 * in a SERIALIZABLE transaction, and the loser of the race gets a serialization failure
 * ({@link ConcurrencyFailureException}) instead of seeing the winner's instance. One retry then sees it (and is
 * refused as running or completed, or resumes it), as a start after the other node's would.
 */
final class InstanceCreation {

	private static final Logger log = LoggerFactory.getLogger(InstanceCreation.class);

	private InstanceCreation() {
	}

	@FunctionalInterface
	interface Start {

		JobExecution start() throws JobInstanceAlreadyCompleteException, JobExecutionAlreadyRunningException,
				JobRestartException, InvalidJobParametersException;

	}

	static JobExecution retryingOnce(LocalDate night, Start start) throws JobInstanceAlreadyCompleteException,
			JobExecutionAlreadyRunningException, JobRestartException, InvalidJobParametersException {
		try {
			return start.start();
		}
		catch (RuntimeException ex) {
			ConcurrencyFailureException conflict = Causes.find(ex, ConcurrencyFailureException.class).orElseThrow(() -> ex);
			log.info("night {}: another process created the night's job instance at the same moment ({}); "
					+ "starting again sees it", night, conflict.getClass().getSimpleName());
			return start.start();
		}
	}

}
