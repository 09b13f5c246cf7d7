package dev.phonehome.payload;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import dev.phonehome.failpoint.Failpoint;
import dev.phonehome.record.NightParameters;
import dev.phonehome.record.NightRecord;
import dev.phonehome.record.NightRecord.Decisions;
import dev.phonehome.record.NightRecordStore;
import dev.phonehome.record.SwitchOffDecision;
import dev.phonehome.settings.InstallationVersion;
import dev.phonehome.settings.ServicesConfig;
import dev.phonehome.settings.ServicesConfigReader;
import dev.phonehome.source.InstallationSource;

/**
 * {@code decideNightStep}: reads the services config, the release and the companies' plans (and nothing else),
 * applies the email rule and the switch-off rule, and records every decision in the night's record. A paid
 * installation that switched the phone home off ends here with exit status {@value #SKIPPED}.
 */
public class DecideNightTasklet implements Tasklet {

	/** The exit status of a skipped night's decide step, and of its execution. */
	public static final String SKIPPED = "SKIPPED";

	private static final Logger log = LoggerFactory.getLogger(DecideNightTasklet.class);

	private final InstallationSource source;

	private final NightRecordStore records;

	public DecideNightTasklet(InstallationSource source, NightRecordStore records) {
		this.source = source;
		this.records = records;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		JobExecution execution = chunkContext.getStepContext().getStepExecution().getJobExecution();
		NightParameters parameters = NightParameters.of(execution.getJobParameters());
		ServicesConfig config = ServicesConfigReader.read(parameters.configFile());
		config.warnings().forEach(log::warn);
		String version = InstallationVersion.read(parameters.versionsFile());

		EmailRule emails = EmailRule.apply(source.companyPlans());
		SwitchOffDecision switchOff = SwitchOffDecision.of(config.disablePhoneHome(), emails.paid());
		Decisions decisions = new Decisions(source.describe(),
				new NightRecord.Installation(config.installationId(), version), emails.planDecision(),
				emails.emailDecision(), new NightRecord.SwitchOff(config.disablePhoneHome(), switchOff),
				new NightRecord.InstanceSettings(config.eventTelemetryEnabled(), config.outboundEmailEnabled(),
						config.slackInteractiveComponentsEnabled()),
				new NightRecord.DeliveryTarget(safeUrl(config.phoneHomeUrl()),
						config.phoneHomeKey() == null ? "" : config.phoneHomeKey().source()));
		NightRecord record = records.read(execution).withDecisions(decisions);
		records.save(execution, record);
		Failpoint.DECIDE_BEFORE_COMMIT.hit();

		log.info("night {}: {}", parameters.night(), emails.reason());
		if (switchOff == SwitchOffDecision.IGNORED) {
			log.warn("night {}: {}", parameters.night(), switchOff.reason());
		}
		if (switchOff.skipsTheNight()) {
			log.info("night {}: skipped: {}", parameters.night(), switchOff.reason());
			contribution.setExitStatus(new ExitStatus(SKIPPED, switchOff.reason()));
		}
		return RepeatStatus.FINISHED;
	}

	/** The delivery URL without any user-info part (a password in a URL is still a secret). */
	private static String safeUrl(String url) {
		if (url == null || url.isBlank()) {
			return "";
		}
		try {
			URI uri = URI.create(url.strip());
			if (uri.getUserInfo() == null) {
				return uri.toString();
			}
			return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
		}
		catch (IllegalArgumentException | java.net.URISyntaxException ex) {
			return "(not a valid URL)";
		}
	}

}
