package vn.motcua.shared;

import java.util.List;

/** One page of a longer list. {@code page} counts from 0. */
public record Page<T>(List<T> items, int page, int size, long total) {

	public int pages() {
		return this.size == 0 ? 0 : (int) ((this.total + this.size - 1) / this.size);
	}

}
