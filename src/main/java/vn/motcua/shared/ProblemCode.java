package vn.motcua.shared;

/**
 * Every {@code code} the application answers a failure with: the stable, machine-readable
 * name a client may branch on, in the REST API's problem details and, as
 * {@code problem.<CODE>}, in the pages' messages. A code is never renamed or reused for
 * something else; add a new one instead. The OpenAPI spec lists them, each with its
 * {@link #description()}, which says what the constant's Javadoc says.
 */
public enum ProblemCode {

	// Input the API could not take (made by the API's problem handler)

	/** Fields of the request are missing or wrong ({@code errors} names each). */
	INVALID_REQUEST("Fields of the request are missing or wrong ('errors' names each)."),
	/** A query or path parameter has the wrong type, format or range. */
	INVALID_PARAMETER("A query or path parameter has the wrong type, format or range."),
	/** A required query parameter or form part is missing. */
	MISSING_PARAMETER("A required query parameter or form part is missing."),
	/** The body is not JSON, or a value in it has the wrong type or format. */
	UNREADABLE_BODY("The body is not JSON, or a value in it has the wrong type or format."),
	/** The request's Content-Type is not one the operation takes. */
	UNSUPPORTED_MEDIA_TYPE("The request's Content-Type is not one the operation takes."),

	// Who may call

	/**
	 * The call needs a signed-in user and there is none, or the credentials are wrong.
	 */
	UNAUTHENTICATED("The call needs a signed-in user and there is none, or the credentials are wrong."),
	/** The signed-in user's role may not call this operation. */
	FORBIDDEN("The signed-in user's role may not call this operation."),
	/** The signed-in user's role, unit or assignment does not allow this action. */
	NOT_ALLOWED("The signed-in user's role, unit or assignment does not allow this action."),
	/** The citizen's sign-in gave no personal identification number. */
	NO_IDENTITY("The citizen's sign-in gave no personal identification number."),
	/**
	 * Too many tries from one address, or wrong digits for one dossier, in a while;
	 * 'Retry-After' says when to try again.
	 */
	TOO_MANY_REQUESTS(
			"Too many tries from one address, or wrong digits for one dossier, in a while; 'Retry-After' says when to try again."),

	// Retries with an Idempotency-Key (ADR 25)

	/**
	 * The Idempotency-Key header is empty, longer than 100 characters, not printable
	 * ASCII, or sent with a multipart or form body.
	 */
	IDEMPOTENCY_KEY_INVALID(
			"The Idempotency-Key header is empty, longer than 100 characters, not printable ASCII, or sent with a multipart or form body."),
	/** The Idempotency-Key was used before by the caller for a different request. */
	IDEMPOTENCY_KEY_REUSED("The Idempotency-Key was used before by the caller for a different request."),
	/**
	 * A request with the same Idempotency-Key is still being carried out; retry a little
	 * later to get its answer.
	 */
	IDEMPOTENCY_KEY_IN_PROGRESS(
			"A request with the same Idempotency-Key is still being carried out; retry a little later to get its answer."),

	// Units and officers

	/** No unit has the code asked for. */
	UNIT_NOT_FOUND("No unit has the code asked for."),
	/**
	 * A unit cannot be registered or changed as given (code, parent, working hours, …).
	 */
	UNIT_INVALID("A unit cannot be registered or changed as given (code, parent, working hours, …)."),
	/** The procedure is at several units, so the request must name one. */
	UNIT_REQUIRED("The procedure is at several units, so the request must name one."),
	/** An officer cannot be registered or changed as given. */
	OFFICER_INVALID("An officer cannot be registered or changed as given."),
	/** No officer has the username. */
	OFFICER_NOT_FOUND("No officer has the username."),
	/** The officer to reactivate is active already. */
	OFFICER_ACTIVE("The officer to reactivate is active already."),
	/** The officer to deactivate is inactive already. */
	OFFICER_INACTIVE("The officer to deactivate is inactive already."),
	/** A new password is too short or too long. */
	PASSWORD_INVALID("A new password is too short or too long."),
	/**
	 * A version of a unit's settings cannot be recorded as given (a past date, bad hours,
	 * …).
	 */
	UNIT_SETTINGS_INVALID("A version of a unit's settings cannot be recorded as given (a past date, bad hours, …)."),
	/** The unit has a version of its settings from that date already. */
	UNIT_SETTINGS_EXIST("The unit has a version of its settings from that date already."),

	// Calendar

	/** A calendar year's days are wrong, or the year in the body and the path differ. */
	CALENDAR_YEAR_INVALID("A calendar year's days are wrong, or the year in the body and the path differ."),
	/** A year is outside the years the calendar covers. */
	YEAR_OUT_OF_RANGE("A year is outside the years the calendar covers."),
	/** A due time or working time would fall outside the years the calendar covers. */
	OUT_OF_CALENDAR("A due time or working time would fall outside the years the calendar covers."),

	// Catalog

	/** No procedure of that code is in force at the unit on the day asked about. */
	PROCEDURE_NOT_FOUND("No procedure of that code is in force at the unit on the day asked about."),
	/**
	 * A catalog file was refused whole: wrong format, too many rows, or errors by line.
	 */
	CATALOG_IMPORT_REJECTED("A catalog file was refused whole: wrong format, too many rows, or errors by line."),
	/** The procedure is already posted on that channel. */
	ALREADY_PUBLISHED("The procedure is already posted on that channel."),
	/** A page number or page size is out of range. */
	PAGE_INVALID("A page number or page size is out of range."),
	/**
	 * The figures of a unit are for its officers, the administrator and the supervisors
	 * of the units above it.
	 */
	REPORT_NOT_ALLOWED("The figures of a unit are for its officers and the supervisors of the units above it."),
	/** No history import has the id asked for (or it is not the reader's unit's). */
	IMPORT_NOT_FOUND("No history import has the id asked for."),

	// Files

	/** An uploaded file is empty, too large, or not a PDF, JPEG or PNG. */
	FILE_INVALID("An uploaded file is empty, too large, or not a PDF, JPEG or PNG."),
	/** An upload came with no file at all. */
	FILE_REQUIRED("An upload came with no file at all."),
	/** An uploaded file has no content. */
	FILE_EMPTY("An uploaded file is empty."),
	/** An uploaded file is larger than the per-file limit (motcua.files.max-size). */
	FILE_TOO_LARGE("An uploaded file is larger than the per-file limit."),
	/** An uploaded file is a program, a script or an archive, which are never kept. */
	FILE_REFUSED("An uploaded file is a program, a script or an archive (ZIP, RAR, 7z, gzip, tar)."),
	/** An uploaded file's bytes are not of the type its name or declared type says. */
	FILE_TYPE_MISMATCH("An uploaded file's bytes do not match its declared type or its name's extension."),
	/** An uploaded file starts as a PDF but is not a readable one. */
	FILE_NOT_PDF("An uploaded file says it is a PDF but cannot be read as one (no trailer, or broken)."),
	/** A file picked for reuse is not in the applicant's data store. */
	FILE_NOT_IN_STORE("A file picked for reuse is not in the applicant's data store."),

	// Dossiers

	/** No dossier has the code asked for (or the four digits do not match it). */
	DOSSIER_NOT_FOUND("No dossier has the code asked for (or the four digits do not match it)."),
	/** Someone else changed the dossier since the version the request acted on. */
	DOSSIER_CHANGED("Someone else changed the dossier since the version the request acted on."),
	/** The action is not possible in the dossier's current status. */
	INVALID_STATUS_TRANSITION("The action is not possible in the dossier's current status."),
	/** The assignee is not an officer of the unit with the role the step needs. */
	ASSIGNEE_INVALID("The assignee is not an officer of the unit with the role the step needs."),
	/** The leader's step ends by approving or refusing, not by handing over. */
	LEADER_STEP("The leader's step ends by approving or refusing, not by handing over."),
	/** There is no further step to hand the dossier over to. */
	LAST_STEP("There is no further step to hand the dossier over to."),
	/** The first step has no step before it to send the dossier back to. */
	FIRST_STEP("The first step has no step before it to send the dossier back to."),
	/** The dossier was rescheduled once already; the due time may be reset only once. */
	APOLOGY_ALREADY_GIVEN("The dossier was rescheduled once already; the due time may be reset only once."),
	/** An apology must come at least one working day before the due time. */
	APOLOGY_TOO_LATE("An apology must come at least one working day before the due time."),
	/** The dossier's fee is not paid yet: its result is handed over once it is. */
	FEE_UNPAID("The dossier's fee is not paid yet: its result is handed over once it is."),
	/**
	 * What the fee is counted from is wrong: the copies, the pages, or the exempted
	 * group.
	 */
	FEE_INPUT_INVALID("What the fee is counted from is wrong: the copies, the pages, or the exempted group."),

	// Online submission

	/** No online submission waits for a verification code here. */
	SUBMISSION_NOT_FOUND("No online submission waits for a verification code here."),
	/** The verification code is not the one sent. */
	CODE_WRONG("The verification code is not the one sent."),
	/** The verification code has expired; submit again. */
	CODE_EXPIRED("The verification code has expired; submit again."),
	/** Too many wrong verification codes; submit again. */
	TOO_MANY_TRIES("Too many wrong verification codes; submit again."),

	// Ratings

	/** A dossier can be rated only once its result is returned. */
	NOT_RETURNED("A dossier can be rated only once its result is returned."),
	/** The dossier was rated already. */
	ALREADY_RATED("The dossier was rated already."),

	// Reports

	/** No export of that id was asked for by the signed-in user. */
	EXPORT_NOT_FOUND("No export of that id was asked for by the signed-in user."),
	/** The export is not finished yet (or failed): its file cannot be downloaded. */
	EXPORT_NOT_READY("The export is not finished yet (or failed): its file cannot be downloaded."),
	/** The dossier list is too long to export at once: ask for an export job. */
	EXPORT_TOO_LONG("The dossier list is too long to export at once: ask for an export job."),

	// Spring's own errors, named after their HTTP status

	/**
	 * A malformed request Spring refused before the operation ran (e.g. a missing
	 * header).
	 */
	BAD_REQUEST("A malformed request Spring refused before the operation ran (e.g. a missing header)."),
	/** No such path, or (on the pages) no such page. */
	NOT_FOUND("No such path, or (on the pages) no such page."),
	/** The path exists but not with this HTTP method. */
	METHOD_NOT_ALLOWED("The path exists but not with this HTTP method."),
	/** The operation cannot answer in any media type the Accept header allows. */
	NOT_ACCEPTABLE("The operation cannot answer in any media type the Accept header allows."),
	/** An upload is larger than the server takes. */
	CONTENT_TOO_LARGE("An upload is larger than the server takes."),
	/**
	 * Spring failed to bind the request on our side (e.g. a path variable missing from a
	 * mapping).
	 */
	INTERNAL_SERVER_ERROR(
			"Spring failed to bind the request on our side (e.g. a path variable missing from a mapping)."),
	/** An asynchronous request timed out. */
	SERVICE_UNAVAILABLE("An asynchronous request timed out."),
	/** Any other error Spring answers with a status that has no code of its own here. */
	ERROR("Any other error Spring answers with a status that has no code of its own here."),

	// Signatures (issue 12, ADR 34)

	/** The file is not a whole PDF: empty, another format, or truncated. */
	PDF_INVALID("The file is not a whole PDF: empty, another format, or truncated."),
	/**
	 * A signature of the PDF is broken: its /Contents is not a CMS signature, or its byte
	 * range is not within the file.
	 */
	SIGNATURE_INVALID(
			"A signature of the PDF is broken: its /Contents is not a CMS signature, or its byte range is not within the file."),
	/** The signer (an officer or a unit) has no signing key in the server's keystore. */
	SIGNING_KEY_NOT_FOUND("The signer (an officer or a unit) has no signing key in the server's keystore."),
	/**
	 * The leader asked to sign the result at the approval, but no draft of the result was
	 * uploaded.
	 */
	RESULT_DRAFT_MISSING("No draft of the result was uploaded to be signed at the approval."),
	/** A result's draft that is not a PDF (an image, say). */
	RESULT_NOT_PDF("A result's draft must be a PDF."),
	/**
	 * A register's period ends before it starts, is longer than a year, or holds more
	 * dossiers than one register prints.
	 */
	PERIOD_INVALID("The period ends before it starts, or is longer than one register covers."),

	// Payments (issue 13, ADR 36)

	/** No payment order has the id or reference asked for (or it is another unit's). */
	PAYMENT_NOT_FOUND("No payment order has the id or reference asked for (or it is another unit's)."),
	/** The dossier has no fee to pay. */
	NO_FEE_DUE("The dossier has no fee to pay."),
	/** The dossier's fee is paid already. */
	FEE_ALREADY_PAID("The dossier's fee is paid already."),
	/**
	 * An online payment of the dossier is in progress (until it is paid, fails or
	 * expires).
	 */
	PAYMENT_IN_PROGRESS("An online payment of the dossier is in progress (until it is paid, fails or expires)."),
	/**
	 * The payment order's status does not allow the action (e.g. refunding an unpaid
	 * one).
	 */
	PAYMENT_STATUS_CONFLICT("The payment order's status does not allow the action (e.g. refunding an unpaid one)."),
	/**
	 * A payment cannot be recorded or refunded as given (method, receipt number, reason).
	 */
	PAYMENT_INVALID("A payment cannot be recorded or refunded as given (method, receipt number, reason)."),

	// Our own failure

	/** Something went wrong on the server; nothing was changed by the request. */
	CONCURRENT_CHANGE("Another request changed the same thing at the same moment; nothing was changed by this one,"
			+ " which may be sent again."),

	INTERNAL_ERROR("Something went wrong on the server; nothing was changed by the request.");

	private final String description;

	ProblemCode(String description) {
		this.description = description;
	}

	/** When the code is answered: the line of its Javadoc, for the OpenAPI spec. */
	public String description() {
		return this.description;
	}

}
