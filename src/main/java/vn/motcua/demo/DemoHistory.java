package vn.motcua.demo;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.motcua.calendar.Calendars;
import vn.motcua.calendar.core.WorkingCalendar;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.core.ProcedureContent;
import vn.motcua.dossier.core.Timeliness;
import vn.motcua.history.HistoryFormat;
import vn.motcua.history.HistoryImports;
import vn.motcua.org.SupplementMode;
import vn.motcua.org.Units;

/**
 * The demo wards' dossiers of 1 Jan 2023 – 30 Sep 2024, made up and imported as the
 * history of a previous system (ADR 29), so that the reports count them as they count any
 * dossier. Each ward's file is made so that its report for the period shows the figures
 * asked for: Quảng Cư's are the seed's (DOMAIN §12: 9,078 resolved, 42 late). The due
 * times are counted here with the same calendar and rules the import replays them with,
 * so each dossier's verdict is known before it is imported, and the import report says
 * where one would differ (none should). The mix: the ward's common procedures
 * (certifications and civil status first), three quarters at the counter, a fifth online,
 * a few by post; some supplement requests and apologies; about 30 % digitized; every
 * result signed; fees paid at the counter (no online payment yet).
 */
final class DemoHistory {

	static final LocalDate FIRST = LocalDate.of(2023, 1, 1);

	static final LocalDate LAST = LocalDate.of(2024, 9, 30);

	/** A ward's history: how many dossiers resolved in the period, how many late. */
	record Ward(String unit, String prefix, int resolved, int late, long seed) {
	}

	/** The procedures of a ward's daily work, by code, with their weights. */
	static final Map<String, Integer> MIX = Map.ofEntries(Map.entry("2.000908", 30), Map.entry("2.000884", 8),
			Map.entry("1.001193", 9), Map.entry("1.000894", 4), Map.entry("1.000656", 3), Map.entry("1.004873", 7),
			Map.entry("2.000635", 5), Map.entry("1.900014", 3), Map.entry("2.001035", 4), Map.entry("1.900019", 3),
			Map.entry("1.900156", 3), Map.entry("1.900122", 2), Map.entry("1.900036", 1), Map.entry("1.001776", 2),
			Map.entry("1.900024", 2), Map.entry("1.900021", 1), Map.entry("1.900130", 2), Map.entry("1.900131", 1),
			Map.entry("1.004859", 2), Map.entry("1.900052", 1), Map.entry("1.900119", 1), Map.entry("1.900027", 1),
			Map.entry("2.001019", 1));

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String[] FAMILY = { "Nguyễn", "Lê", "Trần", "Phạm", "Hoàng", "Vũ", "Đỗ", "Bùi", "Đặng", "Ngô",
			"Lương", "Mai" };

	private static final String[] MIDDLE = { "Văn", "Thị", "Đức", "Minh", "Thu", "Hữu", "Ngọc", "Quang" };

	private static final String[] GIVEN = { "An", "Bình", "Cường", "Dung", "Giang", "Hà", "Hải", "Hoa", "Hùng", "Lan",
			"Long", "Mai", "Nam", "Nga", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Yến" };

	private final Catalog catalog;

	private final Calendars calendars;

	private final Units units;

	private final HistoryImports imports;

	DemoHistory(Catalog catalog, Calendars calendars, Units units, HistoryImports imports) {
		this.catalog = catalog;
		this.calendars = calendars;
		this.units = units;
		this.imports = imports;
	}

	/** Makes the ward's history file and queues its import. */
	void load(Ward ward) {
		byte[] file = file(ward);
		this.imports.startAsSystem(ward.unit(), "motcua-demo", HistoryFormat.JSONL, ward.prefix() + "-2023-2024.jsonl",
				new ByteArrayInputStream(file));
	}

	/** One dossier as it will be written, with what decides its verdict. */
	private static final class Made {

		ProcedureContent procedure;

		Instant received;

		Instant due;

		WorkingCalendar calendar;

		Instant supplementAsked;

		Instant supplementBack;

		Instant apology;

		Instant newDue;

		Instant resolved;

		String end = "RETURNED";

		Timeliness verdict;

		LocalDate resolvedDay() {
			return LocalDate.ofInstant(this.resolved, WorkingCalendar.ZONE);
		}

	}

	byte[] file(Ward ward) {
		Random random = new Random(ward.seed());
		Map<String, ProcedureContent> procedures = new HashMap<>();
		List<String> weighted = new ArrayList<>();
		MIX.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
			procedures.put(e.getKey(), this.catalog.get(ward.unit(), e.getKey(), FIRST).content());
			for (int i = 0; i < e.getValue(); i++) {
				weighted.add(e.getKey());
			}
		});
		SupplementMode mode = this.units.settingsOn(ward.unit(), FIRST).supplementMode();
		// the working days of the period, with the dossiers of each: fewer around Tết
		List<LocalDate> days = new ArrayList<>();
		for (LocalDate d = FIRST; !d.isAfter(LAST); d = d.plusDays(1)) {
			if (this.calendars.forUnit(ward.unit(), d).isWorkingDay(d)) {
				days.add(d);
			}
		}
		List<Made> made = new ArrayList<>();
		double perDay = ward.resolved() * 1.1 / days.size();
		for (LocalDate day : days) {
			double season = day.getMonthValue() == 1 || day.getMonthValue() == 12 ? 1.25
					: day.getMonthValue() == 2 ? 0.8 : 1.0;
			int n = (int) Math.round(perDay * season * (0.7 + random.nextDouble() * 0.6));
			for (int i = 0; i < n; i++) {
				made.add(make(ward, day, procedures.get(weighted.get(random.nextInt(weighted.size()))), mode, random));
			}
		}
		// exactly the dossiers asked for resolved in the period: the surplus is dropped
		List<Made> inPeriod = new ArrayList<>(made.stream().filter(m -> !m.resolvedDay().isAfter(LAST)).toList());
		while (inPeriod.size() > ward.resolved()) {
			Made extra = inPeriod.remove(random.nextInt(inPeriod.size()));
			made.remove(extra);
		}
		if (inPeriod.size() < ward.resolved()) {
			throw new IllegalStateException("the demo history of " + ward.unit() + " has " + inPeriod.size()
					+ " dossiers resolved in the period, fewer than " + ward.resolved());
		}
		// and exactly the late ones asked for among them
		int late = 0;
		for (int guard = 0; late < ward.late() && guard < 100_000; guard++) {
			Made m = inPeriod.get(random.nextInt(inPeriod.size()));
			if (m.verdict == Timeliness.LATE || m.apology != null || !m.end.equals("RETURNED")) {
				continue;
			}
			Instant due = effectiveDue(m, mode);
			Instant resolved = m.calendar.plus(due, Duration.ofMinutes(30 + random.nextInt(16 * 60)));
			if (LocalDate.ofInstant(resolved, WorkingCalendar.ZONE).isAfter(LAST)) {
				continue;
			}
			m.resolved = resolved;
			m.verdict = Timeliness.judge(resolved, due, WorkingCalendar.ZONE);
			late++;
		}
		StringBuilder out = new StringBuilder(made.size() * 900);
		Map<LocalDate, Integer> sequence = new HashMap<>();
		made.sort(java.util.Comparator.comparing(m -> m.received));
		for (Made m : made) {
			LocalDate day = LocalDate.ofInstant(m.received, WorkingCalendar.ZONE);
			int seq = sequence.merge(day, 1, Integer::sum);
			String code = ward.unit() + "-" + day.format(java.time.format.DateTimeFormatter.ofPattern("yyMMdd")) + "-"
					+ String.format("%04d", seq);
			out.append(JSON.writeValueAsString(json(m, code, ward, random))).append('\n');
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	private Made make(Ward ward, LocalDate day, ProcedureContent p, SupplementMode mode, Random random) {
		Made m = new Made();
		m.procedure = p;
		m.calendar = this.calendars.forUnit(ward.unit(), day);
		LocalDateTime at = day.atTime(7, 0).plusMinutes(random.nextInt(9 * 60 + 30));
		m.received = m.calendar.nextWorkingInstant(at.toInstant(WorkingCalendar.ZONE));
		if (!LocalDate.ofInstant(m.received, WorkingCalendar.ZONE).equals(day)) {
			m.received = m.calendar.nextWorkingInstant(day.atTime(8, 0).toInstant(WorkingCalendar.ZONE));
		}
		m.due = m.calendar.dueAt(m.received, p.committedTime(), p.sameDayCutoff());
		Duration time = m.calendar.workingTimeBetween(m.received, m.due);
		long daySeconds = m.calendar.hours().daySeconds();
		// a supplement asked for now and then, on the longer procedures
		if (time.getSeconds() >= 2 * daySeconds && random.nextInt(100) < 3) {
			m.supplementAsked = m.calendar.plus(m.received, Duration.ofSeconds(time.getSeconds() / 4));
			m.supplementBack = m.calendar.plus(m.supplementAsked, Duration.ofHours(4 + random.nextInt(20)));
		}
		// an apology, at least a working day ahead of the due time
		else if (time.getSeconds() >= 3 * daySeconds && random.nextInt(1000) < 6) {
			m.apology = m.calendar.plus(m.received, Duration.ofHours(2));
			m.newDue = m.calendar.plus(m.due, Duration.ofSeconds(3 * daySeconds));
		}
		Instant due = effectiveDue(m, mode);
		Instant start = m.supplementBack != null ? m.supplementBack : m.received;
		Duration left = m.calendar.workingTimeBetween(start, due);
		// most are done well before the due time; some on its last day
		double share = random.nextInt(10) < 8 ? 0.15 + random.nextDouble() * 0.5 : 0.7 + random.nextDouble() * 0.29;
		m.resolved = m.calendar.plus(start, Duration.ofSeconds(Math.max(60, (long) (left.getSeconds() * share))));
		if (m.resolved.isAfter(due)) {
			m.resolved = due;
		}
		int end = random.nextInt(1000);
		m.end = end < 8 ? "REFUSED" : end < 15 ? "STOPPED" : end < 22 ? "WITHDRAWN" : "RETURNED";
		m.verdict = Timeliness.judge(m.resolved, due, WorkingCalendar.ZONE);
		return m;
	}

	/**
	 * The due time the import will judge the dossier by, counted as the aggregate counts
	 * it.
	 */
	private static Instant effectiveDue(Made m, SupplementMode mode) {
		if (m.newDue != null) {
			return m.newDue;
		}
		if (m.supplementAsked != null) {
			return mode == SupplementMode.PAUSE_ADDED
					? m.calendar.plus(m.due, m.calendar.workingTimeBetween(m.supplementAsked, m.supplementBack))
					: m.calendar.dueAt(m.supplementBack, m.procedure.committedTime(), m.procedure.sameDayCutoff());
		}
		return m.due;
	}

	private ObjectNode json(Made m, String code, Ward ward, Random random) {
		ObjectNode n = JSON.createObjectNode();
		n.put("sourceId", code);
		n.put("code", code);
		n.put("procedure", m.procedure.code());
		int c = random.nextInt(100);
		n.put("channel", c < 75 ? "COUNTER" : c < 97 ? "ONLINE" : "POST");
		ObjectNode applicant = n.putObject("applicant");
		applicant.put("name", FAMILY[random.nextInt(FAMILY.length)] + " " + MIDDLE[random.nextInt(MIDDLE.length)] + " "
				+ GIVEN[random.nextInt(GIVEN.length)]);
		applicant.put("idNumber",
				"038" + (random.nextBoolean() ? "0" : "1") + String.format("%08d", random.nextInt(100_000_000)));
		applicant.put("phone", "09" + String.format("%08d", random.nextInt(100_000_000)));
		boolean digitized = random.nextInt(100) < 30;
		ArrayNode components = n.putArray("components");
		for (ProcedureContent.Component component : m.procedure.components()) {
			if (component.mandatory()) {
				components.addObject()
					.put("name", component.name())
					.put("originals", Math.max(1, component.originals()))
					.put("copies", component.copies())
					.put("digitized", digitized);
			}
		}
		n.put("receivedAt", m.received.atOffset(WorkingCalendar.ZONE).toString());
		n.put("dueAt", (m.newDue != null ? m.newDue : m.due).atOffset(WorkingCalendar.ZONE).toString());
		ArrayNode events = n.putArray("events");
		String prefix = ward.prefix();
		Instant handover = m.calendar.plus(m.received, Duration.ofMinutes(10));
		if (handover.isBefore(m.resolved) && (m.supplementAsked == null || handover.isBefore(m.supplementAsked))) {
			event(events, "HANDOVER", handover, "chuyenvien." + prefix);
		}
		if (m.supplementAsked != null) {
			event(events, "SUPPLEMENT_REQUESTED", m.supplementAsked, "chuyenvien." + prefix).put("note",
					"Đề nghị bổ sung bản sao giấy tờ còn thiếu");
			event(events, "SUPPLEMENT_RECEIVED", m.supplementBack, "motcua." + prefix);
		}
		if (m.apology != null) {
			event(events, "APOLOGY", m.apology, "lanhdao." + prefix).put("note", "Cần xác minh thêm thông tin")
				.put("newDueAt", m.newDue.atOffset(WorkingCalendar.ZONE).toString());
		}
		switch (m.end) {
			case "REFUSED" -> event(events, "REFUSED", m.resolved, "lanhdao." + prefix).put("note",
					"Hồ sơ không đủ điều kiện giải quyết");
			case "STOPPED" -> event(events, "STOPPED", m.resolved, "motcua." + prefix).put("note",
					"Công dân đề nghị dừng giải quyết");
			case "WITHDRAWN" ->
				event(events, "WITHDRAWN", m.resolved, "motcua." + prefix).put("note", "Công dân rút hồ sơ");
			default -> {
				event(events, "RESULT", m.resolved, "lanhdao." + prefix).put("resultRef", "KQ-" + code);
				Instant returned = m.calendar.plus(m.resolved, Duration.ofMinutes(random.nextInt(3 * 8 * 60)));
				event(events, "RETURNED", returned, "motcua." + prefix).put("channel",
						random.nextInt(10) == 0 ? "POST" : "COUNTER");
			}
		}
		n.put("verdict", m.verdict.name());
		n.put("resultSigned", m.end.equals("RETURNED"));
		ArrayNode fees = n.putArray("fees");
		for (ProcedureContent.Fee fee : m.procedure.fees()) {
			fees.addObject().put("name", fee.name()).put("amount", fee.amount()).put("paidBy", "COUNTER");
		}
		return n;
	}

	private static ObjectNode event(ArrayNode events, String type, Instant at, String by) {
		return events.addObject()
			.put("type", type)
			.put("at", at.atOffset(WorkingCalendar.ZONE).toString())
			.put("by", by);
	}

}
