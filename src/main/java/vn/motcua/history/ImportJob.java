package vn.motcua.history;

import java.time.Instant;

/**
 * An import of a history file into a unit, and how far it got: the lines read (and the
 * bytes, for its progress), the dossiers imported, those found imported before (the same
 * source ID), the dossiers with errors, and those whose verdict differs from the
 * source's. {@code status}: QUEUED, RUNNING, DONE or FAILED (the file could not be read
 * at all; {@code message} says why).
 */
public record ImportJob(long id, String unitCode, String source, HistoryFormat format, String fileName, long bytes,
		String status, long linesDone, long bytesDone, long imported, long skipped, long failed, long differing,
		String createdBy, Instant createdAt, Instant startedAt, Instant finishedAt, String message) {

	/** How far the job got, from 0 to 1, by the bytes read. */
	public double progress() {
		if ("DONE".equals(this.status)) {
			return 1;
		}
		return this.bytes == 0 ? 0 : Math.min(1, (double) this.bytesDone / this.bytes);
	}

	public boolean finished() {
		return "DONE".equals(this.status) || "FAILED".equals(this.status);
	}

}
