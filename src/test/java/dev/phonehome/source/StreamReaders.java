package dev.phonehome.source;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/** Test helper: what a step would read with a reader, from open (with a step's saved state) to its end. */
public final class StreamReaders {

	private StreamReaders() {
	}

	public static <T> List<T> readAll(ItemStreamReader<T> reader, ExecutionContext context) throws Exception {
		List<T> items = new ArrayList<>();
		reader.open(context);
		try {
			for (T item = reader.read(); item != null; item = reader.read()) {
				items.add(item);
			}
		}
		finally {
			reader.close();
		}
		return items;
	}

}
