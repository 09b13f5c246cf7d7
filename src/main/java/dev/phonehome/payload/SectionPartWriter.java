package dev.phonehome.payload;

import java.nio.file.Path;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.batch.infrastructure.item.file.FlatFileItemWriter;

import dev.phonehome.artefact.PrivateFiles;
import dev.phonehome.failpoint.Failpoint;

/**
 * Stages one section of the payload as JSON lines ({@link FlatFileItemWriter}, which resumes after the last
 * committed chunk on restart), in a file and a folder only the service user can read: a free night's part files
 * hold every user's address.
 */
final class SectionPartWriter<T> implements ItemStreamWriter<T> {

	private final FlatFileItemWriter<T> delegate;

	private final Path part;

	SectionPartWriter(FlatFileItemWriter<T> delegate, Path part) {
		this.delegate = delegate;
		this.part = part;
	}

	@Override
	public void open(ExecutionContext executionContext) {
		PrivateFiles.folder(part.getParent());
		delegate.open(executionContext);
		PrivateFiles.file(part);
	}

	@Override
	public void write(Chunk<? extends T> chunk) throws Exception {
		delegate.write(chunk);
		Failpoint.COLLECT_CHUNK_WRITTEN.hit();
	}

	@Override
	public void update(ExecutionContext executionContext) {
		delegate.update(executionContext);
	}

	@Override
	public void close() {
		delegate.close();
	}

}
