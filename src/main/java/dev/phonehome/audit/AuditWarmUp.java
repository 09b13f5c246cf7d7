package dev.phonehome.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

import dev.phonehome.audit.pdf.AuditPdfRenderer;

/**
 * Readies the audit while the night's payload is collected: when a night's execution starts, a background thread
 * loads the compiled templates and renders a one-line document to nowhere, so the classes, fonts and colour
 * profile a first audit in a new JVM needs (most of its time in the demo) are loaded before the audit step.
 * Best effort: a failure here only means the audit step does that work itself, and reports it if it fails there.
 */
public class AuditWarmUp implements JobExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(AuditWarmUp.class);

	@Override
	public void beforeJob(JobExecution jobExecution) {
		Thread thread = new Thread(AuditWarmUp::warmUp, "audit-warm-up");
		thread.setDaemon(true);
		thread.setPriority(Thread.MIN_PRIORITY);
		thread.start();
	}

	static void warmUp() {
		try {
			AuditPdfRenderer.warmUp();
		}
		catch (RuntimeException | LinkageError ex) {
			log.debug("audit warm-up failed; the audit step loads what it needs itself", ex);
		}
	}

}
