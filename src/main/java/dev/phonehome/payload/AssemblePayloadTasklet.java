package dev.phonehome.payload;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import dev.phonehome.artefact.ArtefactWriter;
import dev.phonehome.failpoint.Failpoint;
import dev.phonehome.home.ArchiveCopies;
import dev.phonehome.home.NightWorkspace;
import dev.phonehome.record.NightRecord;
import dev.phonehome.record.NightRecordStore;
import dev.phonehome.source.InstallationSource;

/**
 * {@code assemblePayloadStep}: streams the header and the staged sections into {@code payload.json}, validates the
 * complete file against the contract's schema before it is moved into the archive, and records its path, size,
 * SHA-256 and counts. A payload that breaks the contract is never archived: the night fails.
 */
public class AssemblePayloadTasklet implements Tasklet {

	public static final String PAYLOAD_FILE = "payload.json";

	private static final Logger log = LoggerFactory.getLogger(AssemblePayloadTasklet.class);

	private final InstallationSource source;

	private final NightWorkspace workspace;

	private final PayloadContract contract;

	private final NightRecordStore records;

	private final ArchiveCopies copies;

	public AssemblePayloadTasklet(InstallationSource source, NightWorkspace workspace, PayloadContract contract,
			NightRecordStore records, ArchiveCopies copies) {
		this.source = source;
		this.workspace = workspace;
		this.contract = contract;
		this.records = records;
		this.copies = copies;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		JobExecution execution = chunkContext.getStepContext().getStepExecution().getJobExecution();
		NightRecord record = records.read(execution);
		if (alreadyArchived(record, copies)) {
			// the process died after this step's work was committed but before Batch marked the step complete
			log.info("night {}: payload already archived at {}", record.date(), record.payload().file().path());
			return RepeatStatus.FINISHED;
		}
		NightRecord.Decisions decided = record.decisions();
		List<String> integrations = source.integrations();
		PayloadHeader header = new PayloadHeader(record.night().startMillis(), decided.installation().id(),
				decided.installation().version(), decided.settings().outboundEmail(),
				decided.settings().slackInteractiveComponents(), integrations);

		Path parts = workspace.partsDirectory(execution);
		Path artefacts = workspace.artefactDirectory(execution);
		ArtefactWriter.Written<Map<PayloadSection, Long>> payload = ArtefactWriter.writeProducing(
				artefacts.resolve(PAYLOAD_FILE), out -> PayloadAssembler.assemble(header, parts, out),
				written -> contract.validate(written, decided.emails().included()));
		Failpoint.ASSEMBLE_AFTER_ARCHIVE.hit();
		Map<PayloadSection, Long> counts = payload.answer();
		// in this step's transaction, with the record below: a night recorded is a night every node can read
		copies.store(record.date(), payload.artefact());
		records.save(execution, record.withPayload(new NightRecord.Payload(artefacts.toString(), payload.artefact(),
				new NightRecord.SectionCounts(counts.get(PayloadSection.COMPANIES), counts.get(PayloadSection.TEAMS),
						counts.get(PayloadSection.USERS), counts.get(PayloadSection.CODE_REVIEWS)),
				integrations)));
		log.info("night {}: payload archived at {} ({} bytes, sha256 {})", record.date(), payload.artefact().path(),
				payload.artefact().size(), payload.artefact().sha256());
		// the staged parts stay until this step has committed (a crash before it re-runs the step from them); the
		// night's closing removes them
		Failpoint.ASSEMBLE_BEFORE_COMMIT.hit();
		return RepeatStatus.FINISHED;
	}

	/** Also on another node than the one that archived it: its file then comes from the database copy. */
	private static boolean alreadyArchived(NightRecord record, ArchiveCopies copies) {
		if (record.payload() == null) {
			return false;
		}
		Path local = copies.available(record.payload().file()).orElse(null);
		return local != null && ArtefactWriter.describe(local).sha256().equals(record.payload().file().sha256());
	}

}
