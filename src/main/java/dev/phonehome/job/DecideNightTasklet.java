package dev.phonehome.job;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import dev.phonehome.payload.EmailDecision;
import dev.phonehome.payload.SwitchOffDecision;
import dev.phonehome.settings.InstallationVersion;
import dev.phonehome.settings.SafeUrl;
import dev.phonehome.settings.ServicesConfig;
import dev.phonehome.settings.ServicesConfigLoader;
import dev.phonehome.source.CompanyPlan;
import dev.phonehome.source.InstallationSource;
import dev.phonehome.source.NightWindow;

/**
 * Step 1: reads the services config and the companies' plans (and nothing else), applies the email rule and the
 * switch-off rule, and records every decision in the job execution context. A paid installation that switched
 * the phone home off ends here with exit status {@code SKIPPED}.
 */
class DecideNightTasklet implements Tasklet {

	static final String SKIPPED = "SKIPPED";

	private static final Logger log = LoggerFactory.getLogger(DecideNightTasklet.class);

	private final InstallationSource source;

	private final ServicesConfigLoader configs;

	DecideNightTasklet(InstallationSource source, ServicesConfigLoader configs) {
		this.source = source;
		this.configs = configs;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		var jobExecution = chunkContext.getStepContext().getStepExecution().getJobExecution();
		var parameters = jobExecution.getJobParameters();
		LocalDate night = parameters.getLocalDate(dev.phonehome.source.NightContext.RUN_DATE);
		ServicesConfig config = configs.read(parameters.getString(NightParameters.CONFIG_FILE));
		config.warnings().forEach(log::warn);
		String version = InstallationVersion.read(Path.of(parameters.getString(NightParameters.VERSIONS_FILE)));

		EmailDecision emails = EmailDecision.of(source.companyPlans());
		SwitchOffDecision switchOff = SwitchOffDecision.of(config.disablePhoneHome(), emails);
		NightWindow window = NightWindow.of(night);

		ExecutionContext facts = jobExecution.getExecutionContext();
		facts.putString(NightFacts.NIGHT, night.toString());
		facts.putLong(NightFacts.WINDOW_START, window.startMillis());
		facts.putLong(NightFacts.WINDOW_END, window.endMillis());
		facts.putString(NightFacts.MODE, parameters.getString(NightParameters.RUN_MODE));
		facts.putString(NightFacts.SOURCE, source.describe());
		facts.putString(NightFacts.INSTALLATION_ID, config.installationId());
		facts.putString(NightFacts.INSTALLATION_VERSION, version);
		facts.put(NightFacts.PAID, emails.paid());
		facts.putString(NightFacts.PLAN_COUNTS, emails.planCounts()
			.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + e.getValue())
			.collect(Collectors.joining(", ")));
		facts.putString(NightFacts.DECIDING_COMPANIES, emails.decidingCompanies()
			.stream()
			.map(CompanyPlan::companyId)
			.collect(Collectors.joining(",")));
		facts.putString(NightFacts.UNKNOWN_PLANS, String.join(",", emails.unknownPlans()));
		facts.put(NightFacts.EMAILS_INCLUDED, emails.emailsIncluded());
		facts.putString(NightFacts.EMAILS_REASON, emails.reason());
		facts.put(NightFacts.DISABLE_SETTING, config.disablePhoneHome());
		facts.putString(NightFacts.DISABLE_DECISION, switchOff.name());
		facts.putString(NightFacts.DISABLE_REASON, switchOff.reason());
		facts.put(NightFacts.EVENT_TELEMETRY, config.eventTelemetryEnabled());
		facts.put(NightFacts.OUTBOUND_EMAIL, config.outboundEmailEnabled());
		facts.put(NightFacts.SLACK_INTERACTIVE, config.slackInteractiveComponentsEnabled());
		facts.putString(NightFacts.DELIVERY_URL, config.phoneHomeUrl() == null ? "" : SafeUrl.of(config.phoneHomeUrl()));
		facts.putString(NightFacts.DELIVERY_KEY_SOURCE,
				config.phoneHomeKey() == null ? "" : config.phoneHomeKey().source());
		facts.put(NightFacts.SKIPPED, switchOff.skipsTheNight());
		Long rerun = parameters.getLong(NightParameters.RERUN);
		if (rerun != null) {
			facts.putLong(NightFacts.RERUN_NUMBER, rerun);
			facts.putString(NightFacts.RERUN_PREVIOUS_SHA256, parameters.getString(NightParameters.RERUN_PREVIOUS_SHA256));
		}

		log.info("night {}: {}", night, emails.reason());
		if (switchOff == SwitchOffDecision.IGNORED) {
			log.warn("night {}: {}", night, switchOff.reason());
		}
		if (switchOff.skipsTheNight()) {
			facts.putString(NightFacts.SKIP_REASON, switchOff.reason());
			log.info("night {}: skipped: {}", night, switchOff.reason());
			contribution.setExitStatus(new ExitStatus(SKIPPED, switchOff.reason()));
		}
		return RepeatStatus.FINISHED;
	}

}
