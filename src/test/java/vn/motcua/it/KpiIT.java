package vn.motcua.it;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import vn.motcua.calendar.core.WorkingCalendar;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierActions;
import vn.motcua.dossier.DossierIntake;
import vn.motcua.dossier.ReturnChannel;
import vn.motcua.dossier.core.DossierAction;
import vn.motcua.dossier.core.SubmittedComponent;
import vn.motcua.feedback.Rating;
import vn.motcua.feedback.Ratings;
import vn.motcua.org.Actor;
import vn.motcua.org.Officers;
import vn.motcua.reporting.KpiBreakdown;
import vn.motcua.reporting.KpiFigures;
import vn.motcua.reporting.KpiReport;
import vn.motcua.reporting.Kpis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random dossiers driven through the services over two months, every KPI of many periods
 * checked against an independent count of the dossier rows, their history and the ratings
 * (ADR 30).
 */
@IntegrationTest
@Import(KpiIT.Clock.class)
@TestPropertySource(properties = "motcua.test.database=kpi")
class KpiIT {

	static final Instant START = Instant.parse("2025-03-03T01:00:00Z");

	@TestConfiguration
	static class Clock {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(START, ZoneId.of("Asia/Ho_Chi_Minh"));
		}

	}

	@Autowired
	MutableClock clock;

	@Autowired
	DossierIntake intake;

	@Autowired
	DossierActions actions;

	@Autowired
	Ratings ratings;

	@Autowired
	Officers officers;

	@Autowired
	Kpis kpis;

	@Autowired
	JdbcClient jdbc;

	static final List<SubmittedComponent> BIRTH = DossierMaker.BIRTH;

	/** The actions that move a dossier on towards its result. */
	static final List<DossierAction> ONWARDS = List.of(DossierAction.ACCEPT, DossierAction.FORWARD,
			DossierAction.APPROVE, DossierAction.RECORD_RESULT, DossierAction.RETURN_RESULT,
			DossierAction.SUPPLEMENT_RECEIVED);

	@Test
	void everyKpiIsTheCountOfTheDossierRows() throws Exception {
		Random random = new Random(20261203);
		Actor counter = actor(Api.COUNTER);
		List<Actor> staff = List.of(counter, actor(Api.SPECIALIST), actor(Api.SPECIALIST_2), actor(Api.LEADER));
		List<String> codes = new ArrayList<>();
		// the overdue dossiers at the end of each day, counted from the rows then
		java.util.Map<LocalDate, Long> overdueAtDayEnd = new java.util.TreeMap<>();
		LocalDate counted = LocalDate.ofInstant(this.clock.instant(), WorkingCalendar.ZONE);
		for (int step = 0; step < 2500; step++) {
			this.clock.advance(Duration.ofMinutes(5 + random.nextInt(60)));
			LocalDate now = LocalDate.ofInstant(this.clock.instant(), WorkingCalendar.ZONE);
			for (; counted.isBefore(now); counted = counted.plusDays(1)) {
				overdueAtDayEnd.put(counted, overdueAtEndOf(counted));
			}
			if (random.nextInt(12) == 0 || codes.isEmpty()) {
				codes.add(receive(counter, random));
			}
			else {
				// mostly the newer dossiers: the older ones are mostly done
				int i = codes.size() - 1 - Math.min(codes.size() - 1, (int) Math.abs(random.nextGaussian() * 15));
				act(staff, codes.get(i), random);
			}
		}
		awaitEvents();
		LocalDate first = LocalDate.of(2025, 3, 1);
		LocalDate last = LocalDate.ofInstant(this.clock.instant(), WorkingCalendar.ZONE);
		List<LocalDate[]> periods = new ArrayList<>();
		periods.add(new LocalDate[] { first, last });
		periods.add(new LocalDate[] { LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31) });
		for (LocalDate m = first; !m.isAfter(last); m = m.plusMonths(1)) {
			periods.add(new LocalDate[] { m, m.withDayOfMonth(m.lengthOfMonth()) });
		}
		for (int i = 0; i < 25; i++) {
			LocalDate a = first.plusDays(random.nextInt(80));
			periods.add(new LocalDate[] { a, a.plusDays(random.nextInt(60)) });
		}
		KpiCount rows = KpiCount.of(this.jdbc, Api.WARD);
		// the reports hold each received dossier once, and only those
		assertThat(this.jdbc.sql("select code from report_dossier where unit_code = ?")
			.param(Api.WARD)
			.query(String.class)
			.list()).containsExactlyInAnyOrderElementsOf(rows.dossiers.stream().map(KpiCount.Row::code).toList());
		for (LocalDate[] p : periods) {
			KpiReport report = this.kpis.report(counter, Api.WARD, p[0], p[1], false, null);
			boolean today = !p[1].isBefore(last);
			assertThat(report.figures()).as("%s – %s", p[0], p[1])
				.isEqualTo(rows.count(p[0], p[1], d -> true, today ? null : overdueAtDayEnd.getOrDefault(p[1], 0L)));
		}
		// the overdue stock at the end of every past day is what the rows said then
		for (var day : overdueAtDayEnd.entrySet()) {
			assertThat(this.kpis.report(counter, Api.WARD, first, day.getKey(), false, null).figures().overdue())
				.as("overdue at the end of %s", day.getKey())
				.isEqualTo(day.getValue());
		}
		assertThat(overdueAtDayEnd.values().stream().mapToLong(Long::longValue).max().orElse(0)).isPositive();
		// the breakdowns add up to the whole, and each channel's row is its own count
		KpiReport byChannel = this.kpis.report(counter, Api.WARD, first, last, false, KpiBreakdown.CHANNEL);
		for (KpiReport.Row row : byChannel.rows()) {
			assertThat(row.figures()).as(row.key())
				.isEqualTo(rows.count(first, last, d -> d.channel().equals(row.key()), null));
		}
		for (KpiBreakdown by : KpiBreakdown.values()) {
			KpiReport report = this.kpis.report(counter, Api.WARD, first, last, true, by);
			if (by != KpiBreakdown.MONTH) {
				assertThat(report.rows().stream().mapToLong(r -> r.figures().received()).sum()).as(by.name())
					.isEqualTo(report.figures().received());
				assertThat(report.rows().stream().mapToLong(r -> r.figures().resolvedLate()).sum()).as(by.name())
					.isEqualTo(report.figures().resolvedLate());
			}
			assertThat(report.rows().stream().mapToLong(r -> r.figures().resolved()).sum()).as(by.name())
				.isEqualTo(report.figures().resolved());
		}
		assertThat(rows.dossiers).hasSizeGreaterThan(150);
		assertThat(rows.dossiers.stream().filter(d -> "LATE".equals(d.timeliness())).count()).isPositive();
		assertThat(rows.dossiers.stream().filter(d -> d.resolvedAt() == null).count()).isPositive();
	}

	private String receive(Actor counter, Random random) {
		Channel channel = Channel.values()[random.nextInt(3)];
		Applicant applicant = new Applicant("Nguyễn Văn " + random.nextInt(1000), null, "0912345678", null, null);
		boolean birth = random.nextBoolean();
		var request = new DossierIntake.IntakeRequest(Api.WARD, birth ? "1.001193" : "1.000894", channel, applicant,
				birth ? BIRTH : DossierMaker.MARRIAGE, false, null);
		if (channel == Channel.ONLINE) {
			String code = this.intake.submitOnline("0380900" + (10000 + random.nextInt(89999)), request, List.of())
				.dossier()
				.code();
			if (random.nextInt(5) > 0) {
				this.actions.act(counter, code, DossierAction.ACCEPT, request(null, random));
			}
			return code;
		}
		return this.intake.intake(counter, request, List.of()).dossier().code();
	}

	private void act(List<Actor> staff, String code, Random random) {
		Actor actor = staff.get(random.nextInt(staff.size()));
		List<DossierActions.AllowedAction> allowed;
		try {
			allowed = this.actions.allowed(actor, code);
		}
		catch (RuntimeException ex) {
			return;
		}
		if (allowed.isEmpty()) {
			rate(code, random);
			return;
		}
		List<DossierActions.AllowedAction> onwards = allowed.stream()
			.filter(x -> ONWARDS.contains(x.action()))
			.toList();
		DossierActions.AllowedAction a = !onwards.isEmpty() && random.nextInt(10) < 7
				? onwards.get(random.nextInt(onwards.size())) : allowed.get(random.nextInt(allowed.size()));
		// ending a dossier early is rarer than moving it on
		if (List
			.of(DossierAction.STOP, DossierAction.WITHDRAW, DossierAction.REFUSE, DossierAction.REFUSE_ONLINE,
					DossierAction.REQUEST_SUPPLEMENT, DossierAction.SEND_BACK)
			.contains(a.action()) && random.nextInt(8) > 0) {
			return;
		}
		String assignee = a.assignees().isEmpty() ? null
				: a.assignees().get(random.nextInt(a.assignees().size())).username();
		try {
			this.actions.act(actor, code, a.action(), request(assignee, random));
		}
		catch (vn.motcua.shared.Problem ex) {
			// an apology too close to the due time, and the like: the rules said no
		}
	}

	private DossierActions.ActionRequest request(String assignee, Random random) {
		return new DossierActions.ActionRequest(assignee, "Ghi chú", "Lý do",
				this.clock.instant().plus(Duration.ofDays(5 + random.nextInt(10))), "KQ-" + random.nextInt(1000),
				ReturnChannel.COUNTER, null);
	}

	private void rate(String code, Random random) {
		try {
			Rating rating = Rating.values()[random.nextInt(3)];
			this.ratings.rate(code, "5678", rating, rating == Rating.NOT_SATISFIED ? "Chậm" : null);
		}
		catch (vn.motcua.shared.Problem ex) {
			// not returned yet, or rated already
		}
	}

	private Actor actor(String username) {
		return Actor.of(this.officers.find(username).orElseThrow());
	}

	/** The ward's open dossiers overdue at the day's end, as the rows say now. */
	private long overdueAtEndOf(LocalDate day) {
		return this.jdbc
			.sql("select count(*) from dossier where unit_code = ? and received_at is not null and resolved_at is null"
					+ " and status not in ('AWAITING_INTAKE', 'AWAITING_ADDITIONS', 'REFUSED_AT_INTAKE')"
					+ " and overdue_from < ?")
			.params(Api.WARD, day.plusDays(1).atStartOfDay(WorkingCalendar.ZONE).toOffsetDateTime())
			.query(Long.class)
			.single();
	}

	private void awaitEvents() throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline
				&& this.jdbc.sql("select count(*) from event_publication").query(Long.class).single() > 0) {
			Thread.sleep(100);
		}
		assertThat(this.jdbc.sql("select count(*) from event_publication").query(Long.class).single()).isZero();
	}

}
