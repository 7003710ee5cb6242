package vn.motcua.shared;

import java.util.List;

/**
 * One page of a longer list. {@code page} counts from 0. Where counting every match would
 * be slow, a list counts up to a cap: then {@code totalCapped} is true and {@code total}
 * is the cap ("10,000+").
 */
public record Page<T>(List<T> items, int page, int size, long total, boolean totalCapped) {

	public Page(List<T> items, int page, int size, long total) {
		this(items, page, size, total, false);
	}

	public int pages() {
		return this.size == 0 ? 0 : (int) ((this.total + this.size - 1) / this.size);
	}

}
