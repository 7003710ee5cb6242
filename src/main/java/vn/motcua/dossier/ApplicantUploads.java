package vn.motcua.dossier;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.calendar.Calendars;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.core.ProcedureContent;
import vn.motcua.dossier.core.DossierAction;
import vn.motcua.dossier.core.DossierStatus;
import vn.motcua.dossier.core.LookupProof;
import vn.motcua.dossier.core.SubmittedComponent;
import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;
import vn.motcua.shared.VietnameseText;

/**
 * The applicant hands in online what they were asked for: the supplement of a received
 * dossier (the clock runs again) or what the check of an online submission asked to add
 * (it goes back to the check). They prove the dossier is theirs as for the look-up (its
 * code and the last four digits of their ID or phone number), or by the ID number their
 * sign-in vouches for. The files are kept with the dossier in the same transaction as its
 * move: both, or, when anything fails, neither.
 */
@Service
public class ApplicantUploads {

	/** Who the history names for an upload proven as for the look-up. */
	static final String APPLICANT = HistoryEntry.ONLINE + "lookup";

	/**
	 * What the applicant is asked to hand in ({@code asked}: the officer's words) and the
	 * procedure's components they may send a file for, in its order.
	 */
	public record UploadForm(String code, DossierStatus status, String asked, List<String> components) {
	}

	private final Dossiers dossiers;

	private final Catalog catalog;

	private final Calendars calendars;

	private final DossierFiles files;

	private final IntakeCheckTime checkTime;

	private final Clock clock;

	ApplicantUploads(Dossiers dossiers, Catalog catalog, Calendars calendars, DossierFiles files,
			IntakeCheckTime checkTime, Clock clock) {
		this.dossiers = dossiers;
		this.catalog = catalog;
		this.calendars = calendars;
		this.files = files;
		this.checkTime = checkTime;
		this.clock = clock;
	}

	/**
	 * What the applicant proving the dossier by its look-up digits may upload now.
	 * @throws DossierNotFound when the code or the digits are wrong (alike)
	 * @throws Problem conflict when the dossier waits for nothing from the applicant
	 */
	@Transactional(readOnly = true)
	public UploadForm form(String code, String lastDigits) {
		return form(proven(code, byDigits(lastDigits)));
	}

	/** What the signed-in applicant may upload now for their dossier. */
	@Transactional(readOnly = true)
	public UploadForm formFor(String verifiedIdNumber, String code) {
		return form(proven(code, byIdNumber(verifiedIdNumber)));
	}

	/**
	 * Keeps the files for the dossier proven by its look-up digits and hands them in.
	 * @param scans at least one, each a scan of one of the procedure's components
	 * @param note optional words to the officer
	 */
	@Transactional
	public void upload(String code, String lastDigits, List<Scan> scans, String note) {
		handIn(proven(code, byDigits(lastDigits)), APPLICANT, scans, note, false);
	}

	/** Keeps the files for the signed-in applicant's dossier and hands them in. */
	@Transactional
	public void uploadAsSignedIn(String verifiedIdNumber, String code, List<Scan> scans, String note) {
		handIn(proven(code, byIdNumber(verifiedIdNumber)), "online:" + verifiedIdNumber, scans, note, true);
	}

	private static Predicate<DossierState> byDigits(String lastDigits) {
		return s -> LookupProof.holds(lastDigits, s.applicant.idNumber(), s.applicant.phone());
	}

	private static Predicate<DossierState> byIdNumber(String verifiedIdNumber) {
		return s -> verifiedIdNumber != null && !verifiedIdNumber.isBlank()
				&& verifiedIdNumber.equals(s.applicant.idNumber());
	}

	/** The dossier, when the proof holds; a wrong code and a wrong proof answer alike. */
	private Dossier proven(String code, Predicate<DossierState> proof) {
		return (code == null ? java.util.Optional.<Dossier>empty() : this.dossiers.find(code.strip()))
			.filter(d -> proof.test(d.state()))
			.orElseThrow(() -> DossierNotFound.forCode(code));
	}

	/**
	 * What handing in means for the dossier now.
	 * @throws Problem conflict when it waits for nothing from the applicant
	 */
	private static DossierAction actionFor(Dossier d) {
		DossierAction action = d.state().status == DossierStatus.AWAITING_ADDITIONS ? DossierAction.ADDITIONS_RECEIVED
				: DossierAction.SUPPLEMENT_RECEIVED;
		Problem problem = DossierRights.whyNotForApplicant(d.state(), action);
		if (problem != null) {
			throw problem;
		}
		return action;
	}

	private UploadForm form(Dossier d) {
		actionFor(d);
		DossierState s = d.state();
		return new UploadForm(s.code, s.status, s.applicantNotice,
				content(s).components().stream().map(ProcedureContent.Component::name).toList());
	}

	private ProcedureContent content(DossierState s) {
		return this.catalog.version(s.procedureVersionId)
			.orElseThrow(() -> new IllegalStateException("no procedure version " + s.procedureVersionId))
			.content();
	}

	/**
	 * {@code idVouched}: a verified sign-in vouches for the applicant's ID number, so
	 * that their data store is drawn on and filled.
	 */
	private void handIn(Dossier d, String by, List<Scan> scans, String note, boolean idVouched) {
		DossierAction action = actionFor(d);
		DossierState s = d.state();
		if (scans.isEmpty()) {
			throw Problem.invalid(ProblemCode.FILE_REQUIRED, "file-0", "choose at least one file");
		}
		if (note != null && (note.length() > 2000
				|| note.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t'))) {
			throw Problem.invalid(ProblemCode.INVALID_REQUEST, "note",
					"at most 2000 characters, without control characters");
		}
		// files are checked before anything is saved
		String vouched = idVouched ? s.applicant.idNumber() : null;
		scans.forEach(scan -> this.files.check(scan, vouched));
		ProcedureContent content = content(s);
		List<SubmittedComponent> added = new ArrayList<>();
		for (Scan scan : scans) {
			ProcedureContent.Component component = content.components()
				.stream()
				.filter(c -> scan.component() != null
						&& VietnameseText.fold(c.name()).equals(VietnameseText.fold(scan.component())))
				.findFirst()
				.orElseThrow(() -> Problem.invalid(ProblemCode.FILE_INVALID, scan.field(),
						"'" + scan.component() + "' is not a component of procedure " + content.code()));
			added.add(new SubmittedComponent(component.name(), component.originals(), component.copies()));
		}
		Instant now = this.clock.instant();
		String words = note == null || note.isBlank() ? null : note.strip();
		var calendar = this.calendars.forUnit(s.unitCode, d.rulesDay(now));
		if (action == DossierAction.ADDITIONS_RECEIVED) {
			d.additionsFromApplicant(by, added, words, now, calendar, this.checkTime.get());
		}
		else {
			d.supplementFromApplicant(by, added, words, now, calendar);
		}
		this.files.keep(s.code, vouched, scans, by);
		this.dossiers.save(d);
	}

}
