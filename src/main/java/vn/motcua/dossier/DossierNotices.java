package vn.motcua.dossier;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import vn.motcua.calendar.core.WorkingCalendar;
import vn.motcua.dossier.core.DossierStatus;
import vn.motcua.notification.Notifications;
import vn.motcua.org.Officer;
import vn.motcua.org.OfficerContact;
import vn.motcua.org.Officers;
import vn.motcua.org.Unit;
import vn.motcua.org.Units;
import vn.motcua.shared.Database;

/**
 * The messages the dossier's events cause (ADR 16), written to the notification outbox:
 * to the applicant on receipt (code, due time, look-up link), on a supplement request
 * (what to add), when the result is ready (where to collect it) and on an apology (the
 * new due time and the reason); to an officer handed a step. Each goes by e-mail to the
 * applicant's or officer's address and by SMS to their phone, where they gave one.
 *
 * <p>
 * Each listener runs after the dossier's transaction commits, in a transaction of its
 * own, and the event publication registry delivers the event again until one succeeds
 * (ADR 9). Each message has a key made of what it is about (the dossier, the event's
 * instant, the channel), and the outbox writes a key once: a redelivered event writes
 * nothing more. That is also why a listener's commit need not wait for the disk.
 *
 * <p>
 * What the message needs of the moment (the request's text, the new due time, the
 * assignee) comes with the event; who the applicant is, the procedure and the unit never
 * change after receipt and are read from the dossier, so that personal data does not
 * travel in the events (which other modules read and the registry stores).
 */
@Component
class DossierNotices {

	/** Messages to applicants are in Vietnamese: their language is not known. */
	static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

	private final Dossiers dossiers;

	private final Units units;

	private final Officers officers;

	private final Notifications notifications;

	private final MessageSource messages;

	private final Database database;

	private final String baseUrl;

	DossierNotices(Dossiers dossiers, Units units, Officers officers, Notifications notifications,
			MessageSource messages, Database database,
			@Value("${motcua.web.base-url:http://localhost:8080}") String baseUrl) {
		this.dossiers = dossiers;
		this.units = units;
		this.officers = officers;
		this.notifications = notifications;
		this.messages = messages;
		this.database = database;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	@ApplicationModuleListener
	void on(DossierReceived event) {
		this.database.commitWithoutWaitingForDisk();
		state(event.code()).ifPresent(
				s -> toApplicant(s, "received:" + s.code, "notice.received", when(event.dueAt()), lookupLink(s.code)));
	}

	@ApplicationModuleListener
	void on(SupplementRequested event) {
		this.database.commitWithoutWaitingForDisk();
		state(event.code()).ifPresent(s -> toApplicant(s, "supplement:" + s.code + ":" + event.number(),
				"notice.supplement", event.request(), lookupLink(s.code), place(s.unitCode)));
	}

	@ApplicationModuleListener
	void on(DossierResolved event) {
		if (event.status() != DossierStatus.RESULT_READY) {
			return;
		}
		this.database.commitWithoutWaitingForDisk();
		state(event.code())
			.ifPresent(s -> toApplicant(s, "result:" + s.code, "notice.result", place(s.unitCode), lookupLink(s.code)));
	}

	@ApplicationModuleListener
	void on(DossierApologized event) {
		this.database.commitWithoutWaitingForDisk();
		state(event.code())
			.ifPresent(s -> toApplicant(s, "apology:" + s.code + ":" + event.at().toEpochMilli(), "notice.apology",
					when(event.newDueAt()), event.reason(), when(event.previousDueAt()), lookupLink(s.code)));
	}

	@ApplicationModuleListener
	void on(StepAssigned event) {
		this.database.commitWithoutWaitingForDisk();
		Optional<DossierState> state = state(event.code());
		if (state.isEmpty()) {
			return;
		}
		String by = this.officers.find(event.by()).map(Officer::fullName).orElse(event.by());
		toOfficer(event.assignee(),
				"assigned:" + event.code() + ":" + event.step() + ":" + event.assignee() + ":"
						+ event.at().toEpochMilli(),
				"notice.assigned", event.code(), state.get().procedureName, String.valueOf(event.step()),
				event.stepName(), when(event.stepDueAt()), workspaceLink(event.code()), by);
	}

	private Optional<DossierState> state(String code) {
		return this.dossiers.find(code).map(Dossier::state);
	}

	/**
	 * Writes the message to the applicant: by e-mail and by SMS where they gave an
	 * address or a phone. The message's arguments are {0} the applicant's name, {1} the
	 * unit's name, {2} the procedure, {3} the dossier's code, then {@code more}.
	 */
	void toApplicant(DossierState s, String key, String message, Object... more) {
		Applicant a = s.applicant;
		if (a == null) {
			return;
		}
		Object[] args = new Object[4 + more.length];
		args[0] = a.name() == null || a.name().isBlank() ? "Ông/Bà" : a.name().strip();
		args[1] = this.units.find(s.unitCode).map(Unit::name).orElse(s.unitCode);
		args[2] = s.procedureName;
		args[3] = s.code;
		System.arraycopy(more, 0, args, 4, more.length);
		send(key, a.email(), a.phone(), message, args);
	}

	/**
	 * Writes the message to the officer, by e-mail and SMS where they have an address or
	 * a phone. The message's arguments are {0} the officer's full name, then
	 * {@code more}.
	 * @return whether a message was written now
	 */
	boolean toOfficer(String username, String key, String message, Object... more) {
		Optional<OfficerContact> contact = this.officers.contact(username);
		if (contact.isEmpty()) {
			return false;
		}
		Object[] args = new Object[1 + more.length];
		args[0] = contact.get().fullName();
		System.arraycopy(more, 0, args, 1, more.length);
		return send(key, contact.get().email(), contact.get().phone(), message, args);
	}

	private boolean send(String key, String email, String phone, String message, Object[] args) {
		boolean written = false;
		if (email != null && !email.isBlank()) {
			written |= this.notifications.email(key + ":EMAIL", email, text(message + ".subject", args),
					text(message + ".body", args));
		}
		if (phone != null && !phone.isBlank()) {
			written |= this.notifications.sms(key + ":SMS", phone, text(message + ".sms", args));
		}
		return written;
	}

	private String text(String key, Object[] args) {
		return this.messages.getMessage(key, args, VIETNAMESE);
	}

	static String when(Instant instant) {
		return instant == null ? "" : instant.atZone(WorkingCalendar.ZONE).format(WHEN);
	}

	String lookupLink(String code) {
		return this.baseUrl + "/tra-cuu?code=" + code;
	}

	String workspaceLink(String code) {
		return this.baseUrl + "/can-bo/ho-so/" + code;
	}

	/**
	 * Where the applicant collects a result or hands in a supplement: the unit's address
	 * and hours.
	 */
	private String place(String unitCode) {
		Optional<Unit> unit = this.units.find(unitCode);
		if (unit.isEmpty()) {
			return unitCode;
		}
		Unit u = unit.get();
		String hours = u.hours()
			.sessions()
			.stream()
			.map(session -> session.start() + "–" + session.end())
			.collect(Collectors.joining(" và "));
		return text("notice.place", new Object[] { u.name(), u.address() == null ? "" : u.address(), hours });
	}

}
