package vn.motcua.reporting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.catalog.ProcedureSummary;
import vn.motcua.dossier.Channel;
import vn.motcua.org.Actor;
import vn.motcua.org.Unit;
import vn.motcua.reporting.internal.DossierRows;
import vn.motcua.reporting.internal.DossierRows.Where;
import vn.motcua.shared.Page;
import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;

/**
 * The dossiers behind a number of a KPI report, read from the reports' copy of each
 * dossier ({@code report_dossier}), page by page or all of them for an export. The list
 * has as many lines as the report's number for the same selection, with two exceptions
 * (ADR 31): {@link KpiMeasure#SUPPLEMENT_REQUESTS} lists dossiers by the day of their
 * first request while the report counts requests by their day, and, for a period in the
 * past, {@link KpiMeasure#OVERDUE} and {@link KpiMeasure#IN_PROGRESS_IN_TIME} judge by
 * the dossier's last known due day, where the report kept what was known at the time.
 */
@Service
public class KpiDossiers {

	/** The longest page. */
	public static final int MAX_PAGE_SIZE = 100;

	private final Kpis kpis;

	private final DossierRows rows;

	KpiDossiers(Kpis kpis, DossierRows rows) {
		this.kpis = kpis;
		this.rows = rows;
	}

	/** A page of the dossiers, by code. */
	@Transactional(readOnly = true)
	public Page<KpiDossier> page(Actor actor, KpiSelection selection, int page, int size) {
		if (page < 0) {
			throw Problem.invalid(ProblemCode.PAGE_INVALID, "page", "must not be negative");
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw Problem.invalid(ProblemCode.PAGE_INVALID, "size", "must be between 1 and " + MAX_PAGE_SIZE);
		}
		Query query = query(actor, selection);
		long total = this.rows.count(query.where());
		List<KpiDossier> items = total <= (long) page * size ? List.of()
				: this.rows.page(query.where(), (long) page * size, size, query.names());
		return new Page<>(items, page, size, total);
	}

	/**
	 * How many dossiers the selection has: the report's number, but for ADR 31's cases.
	 */
	@Transactional(readOnly = true)
	public long count(Actor actor, KpiSelection selection) {
		return this.rows.count(query(actor, selection).where());
	}

	/**
	 * Every dossier of the selection, by code, from one query read a thousand rows at a
	 * time, in one read-only transaction for as long as {@code each} takes.
	 */
	@Transactional(readOnly = true)
	public void each(Actor actor, KpiSelection selection, Consumer<KpiDossier> each) {
		Query query = query(actor, selection);
		this.rows.each(query.where(), query.names(), each);
	}

	private record Query(Where where, Function<String, String> names) {
	}

	/**
	 * The condition on {@code report_dossier} for the selection, after checking that the
	 * actor may read the unit and that the period, measure and row make sense.
	 */
	private Query query(Actor actor, KpiSelection s) {
		Unit unit = this.kpis.readable(actor, s.unit());
		Kpis.checkPeriod(s.from(), s.to());
		if (s.measure() == null) {
			throw Problem.invalid(ProblemCode.INVALID_PARAMETER, "measure", "which number's dossiers to list");
		}
		if ((s.by() == null) != (s.key() == null || s.key().isBlank())) {
			throw Problem.invalid(ProblemCode.INVALID_PARAMETER, s.by() == null ? "by" : "key",
					"a row is named by both by and key, or neither");
		}
		List<String> codes = this.kpis.units(actor, unit, s.subtree());
		Map<String, ProcedureSummary> catalog = this.kpis.procedures(codes);
		Function<String, String> names = code -> catalog.containsKey(code) ? catalog.get(code).name() : code;
		StringBuilder sql = new StringBuilder("unit_code in (" + marks(codes.size()) + ")");
		List<Object> params = new ArrayList<>(codes);
		LocalDate from = s.from();
		LocalDate to = s.to();
		String key = s.key() == null ? null : s.key().strip();
		if (key != null && (key.length() > 100 || key.chars().anyMatch(Character::isISOControl))) {
			throw Problem.invalid(ProblemCode.INVALID_PARAMETER, "key",
					"a row's key: at most 100 characters, no control characters");
		}
		if (s.by() != null) {
			switch (s.by()) {
				case PROCEDURE -> {
					sql.append(" and procedure_code = ?");
					params.add(key);
				}
				case CHANNEL -> {
					sql.append(" and channel = ?");
					params.add(channel(key).name());
				}
				case UNIT -> {
					if (!codes.contains(key)) {
						throw Problem.invalid(ProblemCode.INVALID_PARAMETER, "key",
								"not the unit nor one below it in the report");
					}
					sql.append(" and unit_code = ?");
					params.add(key);
				}
				case FIELD -> field(key, catalog, sql, params);
				case MONTH -> {
					YearMonth month = month(key);
					from = month.atDay(1).isBefore(from) ? from : month.atDay(1);
					to = month.atEndOfMonth().isAfter(to) ? to : month.atEndOfMonth();
					if (to.isBefore(from)) {
						throw Problem.invalid(ProblemCode.INVALID_PARAMETER, "key", "a month of the period");
					}
				}
			}
		}
		sql.append(" and ");
		measure(s.measure(), from, to, sql, params);
		return new Query(new Where(sql.toString(), params), names);
	}

	/** The measure's condition over the days [from, to], as the count tables count it. */
	private static void measure(KpiMeasure measure, LocalDate from, LocalDate to, StringBuilder sql,
			List<Object> params) {
		String received = "received_day between ? and ?";
		String resolved = "resolved_day between ? and ?";
		String open = "received_day <= ? and (resolved_day is null or resolved_day > ?)";
		switch (measure) {
			case RECEIVED -> sql.append(received);
			case RECEIVED_AT_COUNTER -> sql.append(received).append(" and channel = 'COUNTER'");
			case RECEIVED_BY_POST -> sql.append(received).append(" and channel = 'POST'");
			case RECEIVED_ONLINE -> sql.append(received).append(" and channel = 'ONLINE'");
			case RESOLVED -> sql.append(resolved);
			case RESOLVED_EARLY -> sql.append(resolved).append(" and timeliness = 'EARLY'");
			case RESOLVED_ON_TIME -> sql.append(resolved).append(" and timeliness = 'ON_TIME'");
			case RESOLVED_LATE -> sql.append(resolved).append(" and timeliness = 'LATE'");
			case REFUSED -> sql.append(resolved).append(" and status = 'REFUSED'");
			case STOPPED -> sql.append(resolved).append(" and status = 'STOPPED'");
			case WITHDRAWN -> sql.append(resolved).append(" and status = 'WITHDRAWN'");
			case SUPPLEMENT_REQUESTS -> sql.append("supplement_day between ? and ?");
			case APOLOGIES -> sql.append("apology_day between ? and ?");
			case CARRIED_OVER -> {
				// received before the period and not resolved before it began
				sql.append("received_day < ? and (resolved_day is null or resolved_day >= ?)");
				params.add(from);
				params.add(from);
				return;
			}
			case IN_PROGRESS, IN_PROGRESS_IN_TIME, OVERDUE -> {
				// received by the period's end and not resolved by then
				sql.append(open);
				params.add(to);
				params.add(to);
				if (measure == KpiMeasure.OVERDUE) {
					sql.append(" and overdue_day <= ?");
					params.add(to);
				}
				else if (measure == KpiMeasure.IN_PROGRESS_IN_TIME) {
					sql.append(" and (overdue_day is null or overdue_day > ?)");
					params.add(to);
				}
				return;
			}
		}
		params.add(from);
		params.add(to);
	}

	/**
	 * A field's procedures, as the report groups them: by the catalog's field today, and
	 * under "Khác" those the catalog has no field for (or no longer has).
	 */
	private static void field(String key, Map<String, ProcedureSummary> catalog, StringBuilder sql,
			List<Object> params) {
		List<String> inField = new ArrayList<>();
		List<String> known = new ArrayList<>();
		catalog.forEach((code, p) -> {
			String field = p.field();
			if (field != null) {
				known.add(code);
			}
			if (key.equals(field == null ? Kpis.OTHER_FIELD : field)) {
				inField.add(code);
			}
		});
		List<String> conditions = new ArrayList<>();
		if (!inField.isEmpty()) {
			conditions.add("procedure_code in (" + marks(inField.size()) + ")");
			params.addAll(inField);
		}
		if (key.equals(Kpis.OTHER_FIELD)) {
			if (known.isEmpty()) {
				conditions.add("1 = 1");
			}
			else {
				conditions.add("procedure_code not in (" + marks(known.size()) + ")");
				params.addAll(known);
			}
		}
		sql.append(" and (").append(conditions.isEmpty() ? "1 = 0" : String.join(" or ", conditions)).append(")");
	}

	private static Channel channel(String key) {
		for (Channel c : Channel.values()) {
			if (c.name().equalsIgnoreCase(key)) {
				return c;
			}
		}
		throw Problem.invalid(ProblemCode.INVALID_PARAMETER, "key", "one of COUNTER, POST, ONLINE");
	}

	private static YearMonth month(String key) {
		try {
			return YearMonth.parse(key);
		}
		catch (DateTimeParseException ex) {
			throw Problem.invalid(ProblemCode.INVALID_PARAMETER, "key", "a month as YYYY-MM");
		}
	}

	private static String marks(int n) {
		return String.join(", ", Collections.nCopies(n, "?"));
	}

}
