package vn.motcua.reporting.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.calendar.core.WorkingCalendar;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierProgressed;
import vn.motcua.dossier.core.DossierStatus;
import vn.motcua.dossier.core.Timeliness;
import vn.motcua.feedback.DossierRated;
import vn.motcua.feedback.Rating;
import vn.motcua.reporting.Measure;
import vn.motcua.shared.Database;

import static vn.motcua.shared.Sql.instant;
import static vn.motcua.shared.Sql.utc;

/**
 * Keeps the KPIs from the dossier events, incrementally (ADR 30): each
 * {@link DossierProgressed} is compared with the dossier's figures last seen
 * ({@code report_dossier}), and what changed is added to the count tables of the days it
 * happened on, in one transaction with the new figures. An event whose version was seen
 * already changes nothing, so a second delivery is harmless, and one that arrives after a
 * later one is dropped (the later one carried everything). Two listeners that meet on the
 * same rows (a duplicate key, a deadlock) try again in a new transaction; the event
 * publication registry keeps the event until one succeeds.
 */
@Component
public class KpiKeeper {

	private static final int TRIES = 5;

	private final JdbcClient jdbc;

	private final Database database;

	private final TransactionTemplate transaction;

	KpiKeeper(JdbcClient jdbc, Database database, TransactionTemplate transaction) {
		this.jdbc = jdbc;
		this.database = database;
		this.transaction = transaction;
	}

	@Async
	@TransactionalEventListener
	void on(DossierProgressed event) {
		apply(event);
	}

	@Async
	@TransactionalEventListener
	void on(DossierRated event) {
		apply(event);
	}

	/** Applies the event now, in the caller's thread (the importer's catch-up, tests). */
	public void apply(DossierProgressed event) {
		inTransaction(status -> progressed(event));
	}

	public void apply(DossierRated event) {
		inTransaction(status -> rated(event));
	}

	private void inTransaction(Consumer<Object> work) {
		for (int attempt = 1;; attempt++) {
			try {
				this.transaction.executeWithoutResult(status -> {
					this.database.commitWithoutWaitingForDisk();
					work.accept(status);
				});
				return;
			}
			catch (DataIntegrityViolationException | TransientDataAccessException ex) {
				if (attempt >= TRIES) {
					throw ex;
				}
			}
		}
	}

	/** A dossier's figures as last seen, and what they have become. */
	static final class Seen {

		boolean isNew = true;

		String unit;

		String procedure;

		Channel channel;

		boolean imported;

		DossierStatus status;

		Instant receivedAt;

		Instant dueAt;

		Instant overdueFrom;

		LocalDate overdueDay;

		Instant resolvedAt;

		Timeliness timeliness;

		int supplements;

		LocalDate supplementDay;

		int apologies;

		LocalDate apologyDay;

	}

	private void progressed(DossierProgressed e) {
		Optional<Integer> version = this.jdbc.sql("select version from report_dossier where code = ? for update")
			.param(e.code())
			.query(Integer.class)
			.optional();
		if (version.isPresent() && version.get() >= e.version()) {
			return;
		}
		Seen seen = version.isEmpty() ? fresh(e) : load(e.code());
		KpiChanges changes = new KpiChanges(seen.unit, seen.procedure, seen.channel.name());
		for (DossierProgressed.Figures f : e.changes()) {
			change(seen, f, changes);
		}
		store(e.code(), e.version(), seen, version.isPresent());
		changes.write(this.jdbc, this.database);
	}

	private static Seen fresh(DossierProgressed e) {
		Seen seen = new Seen();
		seen.unit = e.unitCode();
		seen.procedure = e.procedureCode();
		seen.channel = e.channel();
		seen.imported = e.imported();
		return seen;
	}

	/**
	 * What the change added to the counts: the receipt and the resolution once each, on
	 * their days; supplement requests and apologies on the day of the change; the dossier
	 * in the overdue stock from the day it became overdue (not before the change that
	 * said so) to the day it stopped being.
	 */
	static void change(Seen seen, DossierProgressed.Figures f, KpiChanges changes) {
		LocalDate today = day(f.at());
		if (seen.isNew) {
			LocalDate received = day(f.receivedAt());
			changes.add(received, Measure.RECEIVED, 1);
			if (seen.channel == Channel.ONLINE) {
				changes.add(received, Measure.RECEIVED_ONLINE, 1);
			}
			else if (seen.channel == Channel.POST) {
				changes.add(received, Measure.RECEIVED_POST, 1);
			}
			changes.add(received, Measure.OPEN_CHANGE, 1);
			seen.receivedAt = f.receivedAt();
			seen.isNew = false;
		}
		if (f.resolvedAt() != null && seen.resolvedAt == null) {
			LocalDate resolved = day(f.resolvedAt());
			changes.add(resolved, Measure.RESOLVED, 1);
			changes.add(resolved, switch (f.timeliness()) {
				case EARLY -> Measure.EARLY;
				case ON_TIME -> Measure.ON_TIME;
				case LATE -> Measure.LATE;
			}, 1);
			switch (f.status()) {
				case REFUSED -> changes.add(resolved, Measure.REFUSED, 1);
				case STOPPED -> changes.add(resolved, Measure.STOPPED, 1);
				case WITHDRAWN -> changes.add(resolved, Measure.WITHDRAWN, 1);
				default -> {
				}
			}
			changes.add(resolved, Measure.OPEN_CHANGE, -1);
			seen.resolvedAt = f.resolvedAt();
			seen.timeliness = f.timeliness();
		}
		if (f.supplementRequests() > seen.supplements) {
			changes.add(today, Measure.SUPPLEMENTS, f.supplementRequests() - seen.supplements);
			if (seen.supplementDay == null) {
				seen.supplementDay = today;
			}
			seen.supplements = f.supplementRequests();
		}
		if (f.apologies() > seen.apologies) {
			changes.add(today, Measure.APOLOGIES, f.apologies() - seen.apologies);
			if (seen.apologyDay == null) {
				seen.apologyDay = today;
			}
			seen.apologies = f.apologies();
		}
		LocalDate overdueDay = f.overdueFrom() == null ? null : max(day(f.overdueFrom()), today);
		if (!java.util.Objects.equals(overdueDay, seen.overdueDay)) {
			if (seen.overdueDay != null) {
				changes.add(max(seen.overdueDay, today), Measure.OVERDUE_CHANGE, -1);
			}
			if (overdueDay != null) {
				changes.add(overdueDay, Measure.OVERDUE_CHANGE, 1);
			}
			seen.overdueDay = overdueDay;
		}
		seen.status = f.status();
		seen.dueAt = f.dueAt();
		seen.overdueFrom = f.overdueFrom();
	}

	private void rated(DossierRated e) {
		if (this.jdbc.sql("select count(*) from report_rating where code = ?")
			.param(e.code())
			.query(Long.class)
			.single() > 0) {
			return;
		}
		// the rating's procedure and channel are its dossier's; a dossier always reaches
		// the
		// reports before it can be rated (it must be returned), but its event may still
		// be on
		// its way: then the rating waits for it, retried by the registry
		Seen seen = this.jdbc.sql("select count(*) from report_dossier where code = ?")
			.param(e.code())
			.query(Long.class)
			.single() == 0 ? null : load(e.code());
		if (seen == null) {
			throw new IllegalStateException("dossier " + e.code() + " is not in the reports yet");
		}
		this.jdbc.sql("insert into report_rating (code, unit_code, rating, rated_at) values (?, ?, ?, ?)")
			.params(e.code(), e.unitCode(), e.rating().name(), utc(e.at()))
			.update();
		KpiChanges changes = new KpiChanges(seen.unit, seen.procedure, seen.channel.name());
		changes.add(day(e.at()), Measure.RATED, 1);
		if (e.rating() != Rating.NOT_SATISFIED) {
			changes.add(day(e.at()), Measure.SATISFIED, 1);
		}
		changes.write(this.jdbc, this.database);
	}

	private Seen load(String code) {
		return this.jdbc.sql("select unit_code, procedure_code, channel, imported, status, received_at, due_at,"
				+ " overdue_from, overdue_day, resolved_at, timeliness, supplement_requests, supplement_day, apologies,"
				+ " apology_day from report_dossier where code = ?")
			.param(code)
			.query(KpiKeeper::seen)
			.single();
	}

	private static Seen seen(ResultSet rs, int row) throws SQLException {
		Seen s = new Seen();
		s.isNew = false;
		s.unit = rs.getString(1);
		s.procedure = rs.getString(2);
		s.channel = Channel.valueOf(rs.getString(3));
		s.imported = rs.getBoolean(4);
		s.status = DossierStatus.valueOf(rs.getString(5));
		s.receivedAt = instant(rs, 6);
		s.dueAt = instant(rs, 7);
		s.overdueFrom = instant(rs, 8);
		s.overdueDay = rs.getObject(9, LocalDate.class);
		s.resolvedAt = instant(rs, 10);
		s.timeliness = rs.getString(11) == null ? null : Timeliness.valueOf(rs.getString(11));
		s.supplements = rs.getInt(12);
		s.supplementDay = rs.getObject(13, LocalDate.class);
		s.apologies = rs.getInt(14);
		s.apologyDay = rs.getObject(15, LocalDate.class);
		return s;
	}

	/**
	 * Writes the dossier's figures: an update of the row read, or the insert of a new
	 * one. A new one is inserted, never updated: a row another listener inserted since
	 * this one found none makes the insert fail, and this listener tries again from that
	 * row, instead of counting the receipt twice.
	 */
	private void store(String code, int version, Seen s, boolean exists) {
		Object[] values = { s.unit, s.procedure, s.channel.name(), version, s.imported, s.status.name(),
				utc(s.receivedAt), day(s.receivedAt), utc(s.dueAt), utc(s.overdueFrom), s.overdueDay, utc(s.resolvedAt),
				s.resolvedAt == null ? null : day(s.resolvedAt), s.timeliness == null ? null : s.timeliness.name(),
				s.supplements, s.supplementDay, s.apologies, s.apologyDay, code };
		if (exists) {
			this.jdbc
				.sql("update report_dossier set unit_code = ?, procedure_code = ?, channel = ?,"
						+ " version = ?, imported = ?, status = ?, received_at = ?, received_day = ?, due_at = ?,"
						+ " overdue_from = ?, overdue_day = ?, resolved_at = ?, resolved_day = ?, timeliness = ?,"
						+ " supplement_requests = ?, supplement_day = ?, apologies = ?, apology_day = ? where code = ?")
				.params(values)
				.update();
		}
		else {
			this.jdbc
				.sql("insert into report_dossier (unit_code, procedure_code, channel, version, imported, status,"
						+ " received_at, received_day, due_at, overdue_from, overdue_day, resolved_at, resolved_day,"
						+ " timeliness, supplement_requests, supplement_day, apologies, apology_day, code)"
						+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(values)
				.update();
		}
	}

	/** The day in Vietnam of an instant: the day a report counts it on. */
	static LocalDate day(Instant at) {
		return LocalDate.ofInstant(at, WorkingCalendar.ZONE);
	}

	private static LocalDate max(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? a : b;
	}

}
