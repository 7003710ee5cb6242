package vn.motcua.dossier;

import java.time.Instant;

import vn.motcua.calendar.core.WorkingCalendar;
import vn.motcua.dossier.core.Timeliness;
import vn.motcua.org.Role;

/**
 * A step of a dossier's internal process, with its own due time and, once done, its
 * verdict: the data of the control slip (phiếu kiểm soát quá trình giải quyết hồ sơ, Form
 * 06).
 */
final class DossierStep {

	private final int number;

	private final String name;

	private final Role role;

	private final double hours;

	private String assignee;

	private Instant startedAt;

	private Instant dueAt;

	private Instant completedAt;

	private String completedBy;

	private Timeliness verdict;

	DossierStep(int number, String name, Role role, double hours, String assignee, Instant startedAt, Instant dueAt,
			Instant completedAt, String completedBy, Timeliness verdict) {
		this.number = number;
		this.name = name;
		this.role = role;
		this.hours = hours;
		this.assignee = assignee;
		this.startedAt = startedAt;
		this.dueAt = dueAt;
		this.completedAt = completedAt;
		this.completedBy = completedBy;
		this.verdict = verdict;
	}

	/** A copy to change without changing this one. */
	DossierStep copy() {
		return new DossierStep(this.number, this.name, this.role, this.hours, this.assignee, this.startedAt, this.dueAt,
				this.completedAt, this.completedBy, this.verdict);
	}

	void assign(String username) {
		this.assignee = username;
	}

	void start(Instant at) {
		this.startedAt = at;
	}

	void complete(Instant at, String by) {
		this.completedAt = at;
		this.completedBy = by;
		this.verdict = Timeliness.judge(at, this.dueAt, WorkingCalendar.ZONE);
	}

	void reopen(Instant at) {
		this.completedAt = null;
		this.completedBy = null;
		this.verdict = null;
		this.startedAt = at;
	}

	void moveDue(Instant due) {
		this.dueAt = due;
	}

	public boolean isDone() {
		return this.completedAt != null;
	}

	public int number() {
		return this.number;
	}

	public String name() {
		return this.name;
	}

	public Role role() {
		return this.role;
	}

	public double hours() {
		return this.hours;
	}

	public String assignee() {
		return this.assignee;
	}

	public Instant startedAt() {
		return this.startedAt;
	}

	public Instant dueAt() {
		return this.dueAt;
	}

	public Instant completedAt() {
		return this.completedAt;
	}

	public String completedBy() {
		return this.completedBy;
	}

	public Timeliness verdict() {
		return this.verdict;
	}

}
