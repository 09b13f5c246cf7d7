package dev.phonehome.dump;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import javax.sql.DataSource;

import org.bson.BsonDocument;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.file.FlatFileItemReader;
import org.springframework.batch.infrastructure.item.file.builder.FlatFileItemReaderBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import dev.phonehome.artefact.Sha256;
import dev.phonehome.home.PhoneHomeProperties;
import dev.phonehome.failpoint.Failpoint;
import dev.phonehome.installation.InstallationCollection;
import dev.phonehome.installation.InstallationDocuments;
import dev.phonehome.source.StoreImport;
import dev.phonehome.source.StoreImports;

/**
 * {@code importJob}: loads a mongoexport dump into the embedded store, replacing what was there.
 *
 * <pre>
 * clearStagingStep -> import{Companies,Teams,Users,Posts,Codemarks,Reviews}Step (chunked)
 *   -> setIndexesAsideStep -> publishImportStep -> buildIndexesStep -> clearPublishedStagingStep
 * </pre>
 * Each collection is read line by line into the {@code import_*} staging tables; only when every file has been
 * read without error does {@code publishImportStep} replace the live tables, in one transaction. A bad line
 * fails the job with file, line, {@code _id} and field, and the data stored before stays untouched.
 */
@Configuration(proxyBeanMethods = false)
public class DumpImportJobConfiguration {

	public static final String JOB_NAME = "importJob";

	/** Identifying: the dump directory, as an absolute path. */
	public static final String FROM = "import.from";

	/** Identifying: when the import was asked for, so that every import is a job instance of its own. */
	public static final String REQUESTED_AT = "import.requested-at";

	@Bean
	Job importJob(JobRepository jobRepository, JdbcTemplate jdbc, Step clearStagingStep, Step importCompaniesStep, Step importTeamsStep,
			Step importUsersStep, Step importPostsStep, Step importCodemarksStep, Step importReviewsStep,
			Step setIndexesAsideStep, Step publishImportStep, Step buildIndexesStep, Step clearPublishedStagingStep) {
		return new JobBuilder(JOB_NAME, jobRepository).listener(clearStagingWhenFailed(jdbc))
			.start(clearStagingStep)
			.next(importCompaniesStep)
			.next(importTeamsStep)
			.next(importUsersStep)
			.next(importPostsStep)
			.next(importCodemarksStep)
			.next(importReviewsStep)
			.next(setIndexesAsideStep)
			.next(publishImportStep)
			.next(buildIndexesStep)
			.next(clearPublishedStagingStep)
			.build();
	}

	/** A failed import leaves nothing behind: what it had staged is dropped, the live tables were never touched. */
	private static JobExecutionListener clearStagingWhenFailed(JdbcTemplate jdbc) {
		return new JobExecutionListener() {
			@Override
			public void afterJob(JobExecution jobExecution) {
				if (jobExecution.getStatus() != BatchStatus.COMPLETED) {
					clearStaging(jdbc);
					if (isH2(jdbc)) {
						LiveIndexes.build(jdbc, LiveIndexes.definitions());
					}
				}
			}
		};
	}

	/**
	 * Empties the staging tables with TRUNCATE: no row-by-row undo log (a DELETE of 10,000,000 staged posts cost as
	 * much as staging them). H2 commits the open transaction on TRUNCATE, which is why it only ever runs in a step
	 * or listener of its own: emptying is idempotent, and a kill half-way leaves what the next import clears first.
	 */
	private static void clearStaging(JdbcTemplate jdbc) {
		StoreTables.allStagingTables().forEach(t -> jdbc.execute("TRUNCATE TABLE " + t.name()));
	}

	// step 1: empty the staging tables left by an earlier import

	@Bean
	Step clearStagingStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			JdbcTemplate jdbc) {
		return new StepBuilder("clearStagingStep", jobRepository).tasklet((contribution, chunkContext) -> {
			if (isH2(jdbc)) {
				StoreTables.dropStagingKeys(jdbc);
			}
			clearStaging(jdbc);
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

	// steps 2-7: one chunked step per collection, file -> staging table

	@Bean
	Step importCompaniesStep(StepFactory steps, FlatFileItemReader<DumpLine> companiesDumpReader) {
		return steps.importStep(InstallationCollection.COMPANIES, companiesDumpReader, InstallationDocuments::company,
				d -> d.id(), StoreTables.COMPANIES);
	}

	@Bean
	Step importTeamsStep(StepFactory steps, FlatFileItemReader<DumpLine> teamsDumpReader) {
		return steps.importStep(InstallationCollection.TEAMS, teamsDumpReader, InstallationDocuments::team,
				d -> d.id(), StoreTables.TEAMS);
	}

	@Bean
	Step importUsersStep(StepFactory steps, FlatFileItemReader<DumpLine> usersDumpReader) {
		return steps.importStep(InstallationCollection.USERS, usersDumpReader, InstallationDocuments::user,
				d -> d.id(), StoreTables.USERS);
	}

	@Bean
	Step importPostsStep(StepFactory steps, FlatFileItemReader<DumpLine> postsDumpReader) {
		return steps.importStep(InstallationCollection.POSTS, postsDumpReader, InstallationDocuments::post,
				d -> d.id(), StoreTables.POSTS);
	}

	@Bean
	Step importCodemarksStep(StepFactory steps, FlatFileItemReader<DumpLine> codemarksDumpReader) {
		return steps.importStep(InstallationCollection.CODEMARKS, codemarksDumpReader,
				InstallationDocuments::codemark, d -> d.id(), StoreTables.CODEMARKS);
	}

	@Bean
	Step importReviewsStep(StepFactory steps, FlatFileItemReader<DumpLine> reviewsDumpReader) {
		return steps.importStep(InstallationCollection.REVIEWS, reviewsDumpReader, InstallationDocuments::review,
				d -> d.id(), StoreTables.REVIEWS);
	}

	@Bean
	@StepScope
	FlatFileItemReader<DumpLine> companiesDumpReader(@Value("#{jobParameters['" + FROM + "']}") String from) {
		return dumpReader(from, InstallationCollection.COMPANIES);
	}

	@Bean
	@StepScope
	FlatFileItemReader<DumpLine> teamsDumpReader(@Value("#{jobParameters['" + FROM + "']}") String from) {
		return dumpReader(from, InstallationCollection.TEAMS);
	}

	@Bean
	@StepScope
	FlatFileItemReader<DumpLine> usersDumpReader(@Value("#{jobParameters['" + FROM + "']}") String from) {
		return dumpReader(from, InstallationCollection.USERS);
	}

	@Bean
	@StepScope
	FlatFileItemReader<DumpLine> postsDumpReader(@Value("#{jobParameters['" + FROM + "']}") String from) {
		return dumpReader(from, InstallationCollection.POSTS);
	}

	@Bean
	@StepScope
	FlatFileItemReader<DumpLine> codemarksDumpReader(@Value("#{jobParameters['" + FROM + "']}") String from) {
		return dumpReader(from, InstallationCollection.CODEMARKS);
	}

	@Bean
	@StepScope
	FlatFileItemReader<DumpLine> reviewsDumpReader(@Value("#{jobParameters['" + FROM + "']}") String from) {
		return dumpReader(from, InstallationCollection.REVIEWS);
	}

	private static FlatFileItemReader<DumpLine> dumpReader(String from, InstallationCollection collection) {
		return new FlatFileItemReaderBuilder<DumpLine>().name(collection.collectionName() + "DumpReader")
			.resource(new FileSystemResource(Path.of(from).resolve(collection.dumpFileName())))
			.encoding("UTF-8")
			// caps the line's length and refuses bytes that are not UTF-8 (the default reader replaces them)
			.bufferedReaderFactory((resource, encoding) -> new DumpLineReader(resource.getInputStream(),
					collection.dumpFileName(), DumpLimits.MAX_LINE_BYTES))
			.strict(true)
			.lineMapper((line, number) -> new DumpLine(number, line))
			// restarts are not offered for imports: every import reads its files from the first line
			.saveState(false)
			.build();
	}

	// step 8: set the live tables' secondary indexes aside (embedded store), see LiveIndexes

	@Bean
	Step setIndexesAsideStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			JdbcTemplate jdbc) {
		return new StepBuilder("setIndexesAsideStep", jobRepository).tasklet((contribution, chunkContext) -> {
			if (isH2(jdbc)) {
				LiveIndexes.drop(jdbc, LiveIndexes.definitions());
				Failpoint.IMPORT_INDEXES_ASIDE.hit();
			}
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

	// step 9: replace the live tables with the staged ones, in one transaction (set operations only)

	@Bean
	Step publishImportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			JdbcTemplate jdbc, StoreImports imports, Clock clock) {
		return new StepBuilder("publishImportStep", jobRepository).tasklet((contribution, chunkContext) -> {
			// digested before the transaction's writes: the files were fully read by the steps before
			Path from = Path.of(contribution.getStepExecution().getJobParameters().getString(FROM));
			Map<String, String> digests = dumpDigests(from);
			var tables = StoreTables.allStagingTables();
			String direct = isH2(jdbc) ? "DIRECT " : "";
			tables.forEach(t -> jdbc.execute("DELETE FROM " + StoreTables.liveName(t.name())));
			for (var t : tables) {
				String columns = String.join(", ", t.columns());
				try {
					// DIRECT (H2): rows go straight into the table instead of first into a materialised result
					jdbc.execute("INSERT INTO " + StoreTables.liveName(t.name()) + " (" + columns + ") " + direct
							+ "SELECT " + columns + " FROM " + t.name());
				}
				catch (DuplicateKeyException ex) {
					// the embedded store's staging tables keep no key (RepeatedIds): a repeat surfaces here, and
					// throwing rolls the whole publishing transaction back
					InstallationCollection collection = StoreTables.collectionOf(t.name());
					if (collection == null) {
						throw ex;
					}
					throw RepeatedIds.find(jdbc, t.name(), from.resolve(collection.dumpFileName()),
							collection.dumpFileName());
				}
			}
			// same transaction as the data: the store never holds data without the import that explains it
			imports.record(new StoreImport(clock.instant(), from.toString(), digests, imports.newestCreatedAt()));
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

	/** SHA-256 of each of the dump's six files, by file name. */
	private static Map<String, String> dumpDigests(Path from) throws IOException {
		Map<String, String> digests = new TreeMap<>();
		for (InstallationCollection collection : InstallationCollection.values()) {
			MessageDigest digest = Sha256.newDigest();
			try (InputStream in = new DigestInputStream(Files.newInputStream(from.resolve(collection.dumpFileName())),
					digest)) {
				in.transferTo(OutputStream.nullOutputStream());
			}
			digests.put(collection.dumpFileName(), Sha256.hex(digest));
		}
		return digests;
	}

	// step 10: build the live tables' secondary indexes again, each by one sort over the published rows

	@Bean
	Step buildIndexesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			JdbcTemplate jdbc) {
		return new StepBuilder("buildIndexesStep", jobRepository).tasklet((contribution, chunkContext) -> {
			if (isH2(jdbc)) {
				Failpoint.IMPORT_PUBLISHED.hit();
				LiveIndexes.build(jdbc, LiveIndexes.definitions());
			}
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

	// step 11: the staged copy is published; empty it outside the publishing transaction

	@Bean
	Step clearPublishedStagingStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			JdbcTemplate jdbc) {
		return new StepBuilder("clearPublishedStagingStep", jobRepository).tasklet((contribution, chunkContext) -> {
			clearStaging(jdbc);
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

	private static boolean isH2(JdbcTemplate jdbc) {
		Boolean h2 = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName().equals("H2"));
		return Boolean.TRUE.equals(h2);
	}

	/** Builds the chunked import steps the same way for each collection. */
	@Bean
	StepFactory importStepFactory(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			DataSource dataSource, ImportProperties properties) {
		return new StepFactory(jobRepository, transactionManager, dataSource, properties.chunkSize());
	}

	record StepFactory(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			DataSource dataSource, int chunkSize) {

		<T> Step importStep(InstallationCollection collection, FlatFileItemReader<DumpLine> reader,
				Function<BsonDocument, T> mapper, Function<T, String> id, StagingWriter.StagingTable<T> table) {
			String name = "import" + Character.toUpperCase(collection.collectionName().charAt(0))
					+ collection.collectionName().substring(1) + "Step";
			return new StepBuilder(name, jobRepository).<DumpLine, DumpRecord<T>>chunk(chunkSize)
				.transactionManager(transactionManager)
				.reader(reader)
				.processor(new DumpLineProcessor<>(collection, mapper, id))
				.writer(new StagingWriter<>(collection.dumpFileName(), table, dataSource))
				.build();
		}

	}

}
