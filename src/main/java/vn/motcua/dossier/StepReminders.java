package vn.motcua.dossier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import vn.motcua.calendar.Calendars;
import vn.motcua.calendar.core.WorkingCalendar;

/**
 * Tells the officer who holds a dossier's current step when its due time comes near
 * (within {@code motcua.notify.step-due-within} of working time, default 4 hours) or has
 * passed (ADR 16): once per step, assignee and due time, by a sweep every
 * {@code motcua.notify.step-due-every} (default 5 minutes). A step whose due time moves
 * (a supplement in mode B) is reminded again as it nears its new due time. The sweep may
 * run on every instance at once: the outbox writes each reminder's key once. A dossier
 * waiting for a supplement is not reminded: its clock is stopped.
 */
@Component
class StepReminders {

	private static final Logger log = LoggerFactory.getLogger(StepReminders.class);

	private final Dossiers dossiers;

	private final Calendars calendars;

	private final DossierNotices notices;

	private final Clock clock;

	private final Duration within;

	private final boolean enabled;

	StepReminders(Dossiers dossiers, Calendars calendars, DossierNotices notices, Clock clock,
			@Value("${motcua.notify.step-due-within:PT4H}") Duration within,
			@Value("${motcua.notify.step-due-enabled:true}") boolean enabled) {
		this.dossiers = dossiers;
		this.calendars = calendars;
		this.notices = notices;
		this.clock = clock;
		this.within = within;
		this.enabled = enabled;
	}

	@Scheduled(fixedDelayString = "${motcua.notify.step-due-every:PT5M}",
			initialDelayString = "${motcua.notify.step-due-every:PT5M}")
	void sweep() {
		if (this.enabled) {
			int written = remind();
			if (written > 0) {
				log.info("Reminded officers of {} steps coming due", written);
			}
		}
	}

	/**
	 * Writes the reminders due now that were not written before; returns how many steps
	 * were reminded now.
	 */
	int remind() {
		Instant now = this.clock.instant();
		Map<String, WorkingCalendar> calendars = new HashMap<>();
		int reminded = 0;
		for (Dossier dossier : this.dossiers.runningAndAssigned()) {
			DossierState s = dossier.state();
			DossierStep step = dossier.currentStep();
			if (step == null || step.assignee() == null || step.dueAt() == null) {
				continue;
			}
			// an online submission not received yet: judged by today's settings
			LocalDate receivedOn = dossier.rulesDay(now);
			WorkingCalendar calendar = calendars.computeIfAbsent(s.unitCode + "@" + receivedOn,
					k -> this.calendars.forUnit(s.unitCode, receivedOn));
			if (calendar.plus(now, this.within).isBefore(step.dueAt())) {
				continue;
			}
			boolean late = now.isAfter(step.dueAt());
			String key = "step-due:" + s.code + ":" + step.number() + ":" + step.assignee() + ":"
					+ step.dueAt().getEpochSecond();
			if (this.notices.toOfficer(step.assignee(), key, late ? "notice.stepOverdue" : "notice.stepDue", s.code,
					s.procedureName, String.valueOf(step.number()), step.name(), DossierNotices.when(step.dueAt()),
					this.notices.workspaceLink(s.code))) {
				reminded++;
			}
		}
		return reminded;
	}

}
