package vn.motcua.reporting;

import java.time.Instant;

/**
 * An export of a long dossier list made in the background: what it lists, how far it got
 * ({@code done} of {@code total} lines) and, once {@link Status#DONE}, its file.
 */
public record ExportJob(String id, KpiSelection selection, String requestedBy, Status status, long total, long done,
		String filename, Long sizeBytes, String error, Instant createdAt, Instant finishedAt) {

	/** Where a job is. */
	public enum Status {

		/** Waiting for the instance's export thread. */
		QUEUED,
		/** Being written. */
		RUNNING,
		/** Its file is ready. */
		DONE,
		/** It stopped on an error; ask again. */
		FAILED

	}

	/** How far it got, 0 to 100. */
	public int percent() {
		if (this.status == Status.DONE) {
			return 100;
		}
		return this.total == 0 ? 0 : (int) Math.min(99, this.done * 100 / this.total);
	}

	public boolean finished() {
		return this.status == Status.DONE || this.status == Status.FAILED;
	}

}
