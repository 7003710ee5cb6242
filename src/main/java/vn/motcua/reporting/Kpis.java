package vn.motcua.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.CatalogCounts;
import vn.motcua.catalog.CatalogQuery;
import vn.motcua.catalog.ProcedureSummary;
import vn.motcua.document.Digitization;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.core.DossierPermissions;
import vn.motcua.org.Actor;
import vn.motcua.org.Unit;
import vn.motcua.org.Units;
import vn.motcua.payment.PaymentRates;
import vn.motcua.reporting.internal.KpiSums;
import vn.motcua.reporting.internal.KpiSums.Group;
import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;

/**
 * A unit's KPIs for a period of local dates, from the count tables kept incrementally
 * (ADR 30), for the unit alone or with the units below it, whole or broken down by field,
 * procedure, channel, month or unit. Read by the unit's officers, the administrator, and
 * the supervisors of the units above it.
 */
@Service
public class Kpis {

	/** The longest period a report covers. */
	public static final int MAX_YEARS = 20;

	/** The row of the procedures whose field the catalog does not know. */
	public static final String OTHER_FIELD = "Khác";

	private final KpiSums sums;

	private final Units units;

	private final Catalog catalog;

	private final Digitization digitization;

	private final PaymentRates payments;

	Kpis(KpiSums sums, Units units, Catalog catalog, Digitization digitization, PaymentRates payments) {
		this.payments = payments;
		this.digitization = digitization;
		this.sums = sums;
		this.units = units;
		this.catalog = catalog;
	}

	/**
	 * The report.
	 * @throws Problem not found for an unknown unit; forbidden for a reader who may not
	 * read it; invalid for a period that ends before it starts or is too long
	 */
	@Transactional(readOnly = true)
	public KpiReport report(Actor actor, String unitCode, LocalDate from, LocalDate to, boolean subtree,
			KpiBreakdown by) {
		Unit unit = readable(actor, unitCode);
		checkPeriod(from, to);
		List<String> codes = units(actor, unit, subtree);
		KpiFigures total = figures(codes, from, to, Group.NONE).getOrDefault("", empty());
		CatalogCounts counts = this.catalog.counts(codes);
		List<KpiReport.Row> rows = by == null ? List.of() : rows(unit, codes, from, to, by);
		return new KpiReport(unit.code(), unit.name(), from, to, subtree, by, counts.procedures(), counts.posted(),
				total, rows, by == null ? this.digitization.rates(codes, from, to) : null,
				by == null ? OnlinePaymentRates.of(codes.stream().map(c -> this.payments.of(c, from, to)).toList())
						: null);
	}

	/** The unit, when the actor may read its figures. */
	public Unit readable(Actor actor, String unitCode) {
		Unit unit = this.units.get("unit", unitCode);
		if (actor == null || !DossierPermissions.mayRead(actor, unit.code(),
				this.units.lineage(unit.code()).stream().map(Unit::code).toList())) {
			throw new Problem(Problem.Kind.FORBIDDEN, ProblemCode.REPORT_NOT_ALLOWED,
					"The figures of unit " + unit.code()
							+ " are for its officers and the supervisors of the units above it",
					List.of(Problem.Violation.of("unit", "not your unit")));
		}
		return unit;
	}

	/**
	 * The unit's code, and when {@code subtree} those of the units below it that the
	 * actor may read: a supervisor (or the administrator) reads them all; an officer of a
	 * city who is not its supervisor reads the city's own figures only.
	 */
	public List<String> units(Actor actor, Unit unit, boolean subtree) {
		List<String> codes = new ArrayList<>();
		codes.add(unit.code());
		if (subtree) {
			// the whole tree read once, walked here: a province's 300 wards in one query
			Map<String, List<String>> children = new java.util.HashMap<>();
			Map<String, String> parents = new java.util.HashMap<>();
			for (Unit u : this.units.all()) {
				if (u.parentCode() != null) {
					children.computeIfAbsent(u.parentCode(), k -> new ArrayList<>()).add(u.code());
					parents.put(u.code(), u.parentCode());
				}
			}
			for (int i = 0; i < codes.size() && codes.size() < 100_000; i++) {
				for (String child : children.getOrDefault(codes.get(i), List.of()).stream().sorted().toList()) {
					List<String> lineage = new ArrayList<>();
					for (String c = child; c != null && lineage.size() < 10; c = parents.get(c)) {
						lineage.add(c);
					}
					if (DossierPermissions.mayRead(actor, child, lineage)) {
						codes.add(child);
					}
				}
			}
		}
		return codes;
	}

	static void checkPeriod(LocalDate from, LocalDate to) {
		if (from == null || to == null) {
			throw Problem.invalid(ProblemCode.INVALID_PARAMETER, from == null ? "from" : "to",
					"the period needs from and to, as YYYY-MM-DD");
		}
		if (from.getYear() < 1900 || to.getYear() > 2199) {
			throw Problem.invalid(ProblemCode.INVALID_PARAMETER, from.getYear() < 1900 ? "from" : "to",
					"a day from 1900 to 2199");
		}
		if (to.isBefore(from)) {
			throw Problem.invalid(ProblemCode.INVALID_PARAMETER, "to", "must not be before from");
		}
		if (to.isAfter(from.plusYears(MAX_YEARS))) {
			throw Problem.invalid(ProblemCode.INVALID_PARAMETER, "to",
					"a period covers at most " + MAX_YEARS + " years");
		}
	}

	private List<KpiReport.Row> rows(Unit unit, List<String> codes, LocalDate from, LocalDate to, KpiBreakdown by) {
		List<KpiReport.Row> rows = new ArrayList<>();
		switch (by) {
			case MONTH -> {
				// the stocks at the period's start read once, then carried month by month
				long[] none = new long[Measure.values().length];
				long[] stock = this.sums.sum(codes, KpiSums.EVER, from.minusDays(1), Group.NONE)
					.getOrDefault("", none)
					.clone();
				for (LocalDate m = from.withDayOfMonth(1); !m.isAfter(to); m = m.plusMonths(1)) {
					LocalDate start = m.isBefore(from) ? from : m;
					LocalDate end = m.withDayOfMonth(m.lengthOfMonth()).isAfter(to) ? to
							: m.withDayOfMonth(m.lengthOfMonth());
					long[] flows = this.sums.sum(codes, start, end, Group.NONE).getOrDefault("", none);
					long[] atStart = stock.clone();
					for (int i = 0; i < stock.length; i++) {
						stock[i] += flows[i];
					}
					rows.add(new KpiReport.Row(m.toString().substring(0, 7),
							"Tháng " + m.getMonthValue() + "/" + m.getYear(), KpiFigures.of(flows, atStart, stock)));
				}
			}
			case CHANNEL -> {
				Map<String, KpiFigures> byChannel = figures(codes, from, to, Group.CHANNEL);
				for (Channel c : Channel.values()) {
					rows.add(new KpiReport.Row(c.name(), channelName(c), byChannel.getOrDefault(c.name(), empty())));
				}
			}
			case UNIT -> {
				Map<String, KpiFigures> byUnit = figures(codes, from, to, Group.UNIT);
				for (String code : codes) {
					String name = code.equals(unit.code()) ? unit.name()
							: this.units.find(code).map(Unit::name).orElse(code);
					rows.add(new KpiReport.Row(code, name, byUnit.getOrDefault(code, empty())));
				}
			}
			case PROCEDURE, FIELD -> {
				Map<String, ProcedureSummary> catalog = procedures(codes);
				Sums sums = sums(codes, from, to, Group.PROCEDURE);
				if (by == KpiBreakdown.PROCEDURE) {
					for (String code : sums.keys()) {
						rows.add(new KpiReport.Row(code, catalog.containsKey(code) ? catalog.get(code).name() : code,
								sums.figures(List.of(code))));
					}
				}
				else {
					Map<String, List<String>> fields = new TreeMap<>();
					sums.keys()
						.forEach(
								code -> fields
									.computeIfAbsent(catalog.containsKey(code) && catalog.get(code).field() != null
											? catalog.get(code).field() : OTHER_FIELD, k -> new ArrayList<>())
									.add(code));
					fields.forEach((field, procedureCodes) -> rows
						.add(new KpiReport.Row(field, field, sums.figures(procedureCodes))));
				}
			}
		}
		return rows;
	}

	/** The procedures of the units by code, as in force today. */
	Map<String, ProcedureSummary> procedures(List<String> codes) {
		Map<String, ProcedureSummary> all = new LinkedHashMap<>();
		for (String code : codes) {
			for (int page = 0;; page++) {
				var found = this.catalog
					.search(new CatalogQuery(code, null, null, null, null, page, Catalog.MAX_PAGE_SIZE));
				found.items().forEach(p -> all.putIfAbsent(p.code(), p));
				if ((page + 1) * Catalog.MAX_PAGE_SIZE >= found.total()) {
					break;
				}
			}
		}
		return all;
	}

	private static String channelName(Channel c) {
		return switch (c) {
			case COUNTER -> "Trực tiếp";
			case POST -> "Bưu chính";
			case ONLINE -> "Trực tuyến";
		};
	}

	private Map<String, KpiFigures> figures(List<String> codes, LocalDate from, LocalDate to, Group group) {
		Sums sums = sums(codes, from, to, group);
		Map<String, KpiFigures> figures = new LinkedHashMap<>();
		for (String key : sums.keys()) {
			figures.put(key, sums.figures(List.of(key)));
		}
		return figures;
	}

	/** The period's flows and the stocks at its start and end, by group key. */
	private Sums sums(List<String> codes, LocalDate from, LocalDate to, Group group) {
		return new Sums(this.sums.sum(codes, from, to, group),
				this.sums.sum(codes, KpiSums.EVER, from.minusDays(1), group),
				this.sums.sum(codes, KpiSums.EVER, to, group));
	}

	/** The sums a period's figures are made of, by group key. */
	private record Sums(Map<String, long[]> flows, Map<String, long[]> atStart, Map<String, long[]> atEnd) {

		/** Every key of any of the three, in order. */
		java.util.Set<String> keys() {
			java.util.Set<String> keys = new java.util.TreeSet<>(this.flows.keySet());
			keys.addAll(this.atStart.keySet());
			keys.addAll(this.atEnd.keySet());
			return keys;
		}

		/** The figures of the keys' rows together. */
		KpiFigures figures(List<String> keys) {
			return KpiFigures.of(total(this.flows, keys), total(this.atStart, keys), total(this.atEnd, keys));
		}

	}

	/** The sums of the keys' rows. */
	private static long[] total(Map<String, long[]> sums, List<String> keys) {
		long[] into = new long[Measure.values().length];
		for (String key : keys) {
			long[] s = sums.get(key);
			if (s != null) {
				for (int i = 0; i < into.length; i++) {
					into[i] += s[i];
				}
			}
		}
		return into;
	}

	private static KpiFigures empty() {
		long[] none = new long[Measure.values().length];
		return KpiFigures.of(none, none, none);
	}

}
