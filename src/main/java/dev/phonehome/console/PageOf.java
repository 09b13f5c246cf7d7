package dev.phonehome.console;

import java.util.List;

/**
 * One page of a longer list.
 *
 * @param total every item of the list, or -1 when it was not counted (a streamed payload is read only as far as
 *        the page needs)
 */
public record PageOf<T>(List<T> items, int page, int size, long total, boolean hasNext) {

	public static <T> PageOf<T> of(List<T> all, int page, int size) {
		int from = (int) Math.min((long) page * size, all.size());
		int to = Math.min(from + size, all.size());
		return new PageOf<>(List.copyOf(all.subList(from, to)), page, size, all.size(), to < all.size());
	}

	public boolean hasPrevious() {
		return page > 0;
	}

	/** The position (from 1) of the page's first item. */
	public long first() {
		return (long) page * size + (items.isEmpty() ? 0 : 1);
	}

	public long last() {
		return (long) page * size + items.size();
	}

}
