package vn.motcua.dossier;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import vn.motcua.calendar.core.ProcessingTime;
import vn.motcua.dossier.core.DossierStatus;
import vn.motcua.dossier.core.SubmittedComponent;
import vn.motcua.dossier.core.Timeliness;
import vn.motcua.org.SupplementMode;

/**
 * A dossier's fields as stored: the aggregate ({@link Dossier}) changes them by its
 * rules, the store beside it writes and reads them, and keeps copies of the versions this
 * instance wrote. Only this package sees them. {@code supplementMode} is the unit's mode
 * in force when the dossier was received: the dossier is judged by it. An online
 * submission is received when the one-stop officer's check accepts it: until then
 * {@code receivedAt} and the due times are null, and {@code intakeDueAt} is when the
 * check is due (ADR 15). {@code applicantNotice} is what the applicant was last told to
 * do or why they were refused (what to add, the supplement asked for, the reasons of an
 * online refusal); {@code apologyReason} the reason of the apology, if one was given.
 */
final class DossierState {

	Long id;

	final String code;

	final String unitCode;

	final String procedureCode;

	final String procedureName;

	final long procedureVersionId;

	final ProcessingTime committedTime;

	final LocalTime sameDayCutoff;

	final Channel channel;

	final Applicant applicant;

	List<SubmittedComponent> components;

	final List<DossierStep> steps;

	final Instant submittedAt;

	Instant receivedAt;

	Instant originalDueAt;

	Instant intakeDueAt;

	String applicantNotice;

	String apologyReason;

	DossierStatus status;

	DossierStatus pausedFrom;

	Instant dueAt;

	int supplementRequests;

	Instant pauseStartedAt;

	int apologies;

	boolean forcedLate;

	int currentStep;

	Instant resolvedAt;

	Timeliness timeliness;

	String resultRef;

	Instant returnedAt;

	ReturnChannel returnChannel;

	SupplementMode supplementMode;

	int version;

	/**
	 * The previous system a dossier was imported from with its history (ADR 29), or null
	 * for one received in MotCua.
	 */
	String source;

	/** The fee computed at intake (null: none, as for a dossier of before fees). */
	DossierFee fee;

	DossierState(Long id, String code, String unitCode, String procedureCode, String procedureName,
			long procedureVersionId, ProcessingTime committedTime, LocalTime sameDayCutoff, Channel channel,
			Applicant applicant, List<SubmittedComponent> components, List<DossierStep> steps, Instant receivedAt,
			Instant originalDueAt, DossierStatus status, DossierStatus pausedFrom, Instant dueAt,
			int supplementRequests, Instant pauseStartedAt, int apologies, boolean forcedLate, int currentStep,
			Instant resolvedAt, Timeliness timeliness, String resultRef, Instant returnedAt,
			ReturnChannel returnChannel, SupplementMode supplementMode, Instant submittedAt, Instant intakeDueAt,
			String applicantNotice, String apologyReason, int version) {
		this.id = id;
		this.code = code;
		this.unitCode = unitCode;
		this.procedureCode = procedureCode;
		this.procedureName = procedureName;
		this.procedureVersionId = procedureVersionId;
		this.committedTime = committedTime;
		this.sameDayCutoff = sameDayCutoff;
		this.channel = channel;
		this.applicant = applicant;
		this.components = List.copyOf(components);
		this.steps = List.copyOf(steps);
		this.receivedAt = receivedAt;
		this.originalDueAt = originalDueAt;
		this.status = status;
		this.pausedFrom = pausedFrom;
		this.dueAt = dueAt;
		this.supplementRequests = supplementRequests;
		this.pauseStartedAt = pauseStartedAt;
		this.apologies = apologies;
		this.forcedLate = forcedLate;
		this.currentStep = currentStep;
		this.resolvedAt = resolvedAt;
		this.timeliness = timeliness;
		this.resultRef = resultRef;
		this.returnedAt = returnedAt;
		this.returnChannel = returnChannel;
		this.supplementMode = supplementMode;
		this.submittedAt = submittedAt;
		this.intakeDueAt = intakeDueAt;
		this.applicantNotice = applicantNotice;
		this.apologyReason = apologyReason;
		this.version = version;
	}

	/** The step under way, or the last one once all are done. */
	DossierStep current() {
		return this.steps.get(Math.min(this.currentStep, this.steps.size() - 1));
	}

	/** The step after the current one, or null on the last. */
	DossierStep next() {
		int next = this.currentStep + 1;
		return next < this.steps.size() ? this.steps.get(next) : null;
	}

	/**
	 * A copy that shares nothing that changes: later actions on a dossier made from
	 * either leave the other as it is.
	 */
	DossierState copy() {
		return new DossierState(this.id, this.code, this.unitCode, this.procedureCode, this.procedureName,
				this.procedureVersionId, this.committedTime, this.sameDayCutoff, this.channel, this.applicant,
				this.components, this.steps.stream().map(DossierStep::copy).toList(), this.receivedAt,
				this.originalDueAt, this.status, this.pausedFrom, this.dueAt, this.supplementRequests,
				this.pauseStartedAt, this.apologies, this.forcedLate, this.currentStep, this.resolvedAt,
				this.timeliness, this.resultRef, this.returnedAt, this.returnChannel, this.supplementMode,
				this.submittedAt, this.intakeDueAt, this.applicantNotice, this.apologyReason, this.version)
			.from(this.source)
			.withFee(this.fee);
	}

	/** The same state with the fee (null: none). */
	DossierState withFee(DossierFee fee) {
		this.fee = fee;
		return this;
	}

	/** The same state, imported from {@code source} (null: received in MotCua). */
	DossierState from(String source) {
		this.source = source;
		return this;
	}

}
