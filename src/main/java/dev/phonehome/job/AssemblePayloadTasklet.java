package dev.phonehome.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.util.FileSystemUtils;

import dev.phonehome.artefact.Artefact;
import dev.phonehome.artefact.ArtefactWriter;
import dev.phonehome.payload.PayloadAssembler;
import dev.phonehome.payload.PayloadContract;
import dev.phonehome.payload.PayloadHeader;
import dev.phonehome.payload.PayloadSection;
import dev.phonehome.source.InstallationSource;

/**
 * Final payload step: streams the header and the staged sections into {@code payload.json}, validates the
 * complete file against the contract's schema before it is moved into the archive, and records its path, size,
 * SHA-256 and counts. A payload that breaks the contract is never archived: the night fails.
 */
class AssemblePayloadTasklet implements Tasklet {

	static final String PAYLOAD_FILE = "payload.json";

	private static final Logger log = LoggerFactory.getLogger(AssemblePayloadTasklet.class);

	private final InstallationSource source;

	private final NightWorkspace workspace;

	private final PayloadContract contract;

	AssemblePayloadTasklet(InstallationSource source, NightWorkspace workspace, PayloadContract contract) {
		this.source = source;
		this.workspace = workspace;
		this.contract = contract;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		var jobExecution = chunkContext.getStepContext().getStepExecution().getJobExecution();
		ExecutionContext facts = jobExecution.getExecutionContext();
		boolean emailsIncluded = NightFacts.flag(facts, NightFacts.EMAILS_INCLUDED);
		List<String> integrations = source.integrations();
		PayloadHeader header = new PayloadHeader(facts.getLong(NightFacts.WINDOW_START),
				facts.getString(NightFacts.INSTALLATION_ID), facts.getString(NightFacts.INSTALLATION_VERSION),
				NightFacts.flag(facts, NightFacts.OUTBOUND_EMAIL), NightFacts.flag(facts, NightFacts.SLACK_INTERACTIVE),
				integrations);

		Path parts = workspace.partsDirectory(jobExecution);
		Path artefacts = workspace.artefactDirectory(jobExecution);
		Map<PayloadSection, Long>[] counts = new Map[1];
		Artefact payload = ArtefactWriter.write(artefacts.resolve(PAYLOAD_FILE),
				out -> counts[0] = PayloadAssembler.assemble(header, parts, out),
				written -> contract.validate(written, emailsIncluded));

		facts.putString(NightFacts.INTEGRATIONS, String.join(",", integrations));
		facts.putString(NightFacts.ARTEFACT_DIRECTORY, artefacts.toString());
		facts.putString(NightFacts.PAYLOAD_PATH, payload.path().toString());
		facts.putLong(NightFacts.PAYLOAD_SIZE, payload.size());
		facts.putString(NightFacts.PAYLOAD_SHA256, payload.sha256());
		counts[0].forEach((section, count) -> facts.putLong(NightFacts.PAYLOAD_COUNT + section.key(), count));
		log.info("night {}: payload archived at {} ({} bytes, sha256 {})", facts.getString(NightFacts.NIGHT),
				payload.path(), payload.size(), payload.sha256());
		try {
			FileSystemUtils.deleteRecursively(parts);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot clean up " + parts, ex);
		}
		return RepeatStatus.FINISHED;
	}


}
