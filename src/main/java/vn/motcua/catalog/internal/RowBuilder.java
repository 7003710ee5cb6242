package vn.motcua.catalog.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import vn.motcua.calendar.core.PeriodUnit;
import vn.motcua.calendar.core.ProcessingTime;
import vn.motcua.catalog.core.ApplicantType;
import vn.motcua.catalog.core.FeeKind;
import vn.motcua.catalog.core.FeeStage;
import vn.motcua.catalog.core.ImplementingLevel;
import vn.motcua.catalog.core.OnlineLevel;
import vn.motcua.catalog.core.ProcedureContent;
import vn.motcua.catalog.core.ProcedureRules;
import vn.motcua.catalog.core.PublicationChannel;
import vn.motcua.org.Role;
import vn.motcua.shared.PlainText;
import vn.motcua.shared.Problem.Violation;

/**
 * Turns a {@link RawProcedure} into a checked {@link ImportRow}, or into violations
 * naming line and field.
 */
final class RowBuilder {

	private final LocalTime defaultCutoff;

	private final double hoursPerDay;

	RowBuilder(LocalTime defaultCutoff, double hoursPerDay) {
		this.defaultCutoff = defaultCutoff;
		this.hoursPerDay = hoursPerDay;
	}

	/**
	 * @return the row, or {@code null} when it has violations (added to {@code errors})
	 */
	ImportRow build(RawProcedure raw, List<Violation> errors) {
		Reader r = new Reader(raw, errors);
		r.plainText();
		List<ApplicantType> applicantTypes = new ArrayList<>();
		for (String type : raw.applicantTypes) {
			ApplicantType t = r.enumValue("applicantTypes", type, ApplicantType.class);
			if (t != null) {
				applicantTypes.add(t);
			}
		}
		ProcessingTime statutory = r.time("statutory");
		ProcessingTime committed = r.time("committed");
		String cutoffText = raw.values.get("sameDayCutoff");
		LocalTime cutoff = isBlank(cutoffText) ? this.defaultCutoff : r.localTime("sameDayCutoff", cutoffText);
		List<ProcedureContent.Component> components = new ArrayList<>();
		List<Map<String, String>> rawComponents = raw.lists.getOrDefault("components", List.of());
		for (int i = 0; i < rawComponents.size(); i++) {
			Map<String, String> c = rawComponents.get(i);
			String at = "components[" + i + "].";
			Integer originals = r.integer(at + "originals", c.get("originals"), 0);
			Integer copies = r.integer(at + "copies", c.get("copies"), 0);
			Boolean mandatory = r.bool(at + "mandatory", c.get("mandatory"), true);
			components.add(new ProcedureContent.Component(strip(c.get("name")), originals == null ? 0 : originals,
					copies == null ? 0 : copies, mandatory == null || mandatory, strip(c.get("template"))));
		}
		List<ProcedureContent.Fee> fees = new ArrayList<>();
		List<Map<String, String>> rawFees = raw.lists.getOrDefault("fees", List.of());
		for (int i = 0; i < rawFees.size(); i++) {
			Map<String, String> f = rawFees.get(i);
			FeeKind kind = isBlank(f.get("kind")) ? FeeKind.FIXED
					: r.enumValue("fees[" + i + "].kind", f.get("kind"), FeeKind.class);
			Long amount = kind == FeeKind.EXEMPT && isBlank(f.get("amount")) ? Long.valueOf(0)
					: r.longValue("fees[" + i + "].amount", f.get("amount"));
			List<String> groups = isBlank(f.get("exemptGroups")) ? List.of()
					: Arrays.stream(f.get("exemptGroups").split(";"))
						.map(String::strip)
						.filter(g -> !g.isEmpty())
						.toList();
			fees.add(new ProcedureContent.Fee(strip(f.get("name")), kind, amount == null ? 0 : amount,
					strip(f.get("note")), strip(f.get("exemptionBasis")), groups));
		}
		List<ProcedureContent.Step> steps = new ArrayList<>();
		List<Map<String, String>> rawSteps = raw.lists.getOrDefault("steps", List.of());
		for (int i = 0; i < rawSteps.size(); i++) {
			Map<String, String> s = rawSteps.get(i);
			Role role = r.enumValue("steps[" + i + "].role", s.get("role"), Role.class);
			Double hours = r.decimal("steps[" + i + "].hours", s.get("hours"));
			steps.add(new ProcedureContent.Step(strip(s.get("name")), role, hours == null ? 0 : hours));
		}
		Boolean resultDocument = r.bool("resultDocument", raw.values.get("resultDocument"), true);
		ProcedureContent content = new ProcedureContent(strip(raw.values.get("code")), strip(raw.values.get("name")),
				strip(raw.values.get("field")), r.enumValue("level", raw.values.get("level"), ImplementingLevel.class),
				strip(raw.values.get("agency")), applicantTypes, statutory, committed, cutoff, components, fees, steps,
				resultDocument == null || resultDocument, strip(raw.values.get("resultName")),
				raw.legalBasis.stream().map(String::strip).filter(s -> !s.isEmpty()).toList(),
				r.enumValue("onlineLevel", raw.values.get("onlineLevel"), OnlineLevel.class),
				isBlank(raw.values.get("feeStage")) ? FeeStage.INTAKE
						: r.enumValue("feeStage", raw.values.get("feeStage"), FeeStage.class));
		LocalDate effectiveFrom = r.date("effectiveFrom", raw.values.get("effectiveFrom"));
		Map<PublicationChannel, LocalDate> publications = new EnumMap<>(PublicationChannel.class);
		LocalDate counter = r.date("postedAtCounter", raw.values.get("postedAtCounter"));
		LocalDate portal = r.date("postedOnPortal", raw.values.get("postedOnPortal"));
		if (counter != null) {
			publications.put(PublicationChannel.COUNTER, counter);
		}
		if (portal != null) {
			publications.put(PublicationChannel.PORTAL, portal);
		}
		if (r.failed) {
			return null;
		}
		List<Violation> rules = ProcedureRules.check(content, this.hoursPerDay);
		rules.forEach(v -> errors.add(Violation.atLine(raw.line, v.field(), v.reason())));
		return rules.isEmpty() ? new ImportRow(raw.line, content, effectiveFrom, publications) : null;
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

	private static String strip(String text) {
		return isBlank(text) ? null : text.strip();
	}

	/** Reads typed values from text, noting each wrong one. */
	private static final class Reader {

		private final RawProcedure raw;

		private final List<Violation> errors;

		boolean failed;

		Reader(RawProcedure raw, List<Violation> errors) {
			this.raw = raw;
			this.errors = errors;
		}

		/** Fails each value holding a control character, such as U+0000. */
		void plainText() {
			this.raw.values.forEach((field, value) -> check(field, value));
			this.raw.lists.forEach((list, items) -> {
				for (int i = 0; i < items.size(); i++) {
					int index = i;
					items.get(i).forEach((part, value) -> check(list + "[" + index + "]." + part, value));
				}
			});
			for (int i = 0; i < this.raw.applicantTypes.size(); i++) {
				check("applicantTypes[" + i + "]", this.raw.applicantTypes.get(i));
			}
			for (int i = 0; i < this.raw.legalBasis.size(); i++) {
				check("legalBasis[" + i + "]", this.raw.legalBasis.get(i));
			}
		}

		private void check(String field, String value) {
			if (PlainText.hasControl(value)) {
				fail(field, "holds a control character (such as U+0000)");
			}
		}

		private void fail(String field, String reason) {
			this.failed = true;
			this.errors.add(Violation.atLine(this.raw.line, field, reason));
		}

		ProcessingTime time(String prefix) {
			String field = prefix + "Time";
			Integer amount = integer(field + ".amount", this.raw.values.get(prefix + "Amount"), null);
			PeriodUnit unit = enumValue(field + ".unit", this.raw.values.get(prefix + "Unit"), PeriodUnit.class);
			if (amount == null || unit == null) {
				if (!this.failed) {
					fail(field, "needs an amount and a unit (WORKING_DAYS, WORKING_HOURS, DAYS, MONTHS)");
				}
				return null;
			}
			if (amount < 0) {
				fail(field + ".amount", "must not be negative");
				return null;
			}
			return new ProcessingTime(amount, unit);
		}

		Integer integer(String field, String text, Integer blank) {
			if (isBlank(text)) {
				return blank;
			}
			try {
				return Integer.valueOf(text.strip());
			}
			catch (NumberFormatException ex) {
				fail(field, "'" + text.strip() + "' is not a whole number");
				return null;
			}
		}

		Long longValue(String field, String text) {
			if (isBlank(text)) {
				fail(field, "is required");
				return null;
			}
			try {
				return Long.valueOf(text.strip().replace(".", "").replace(",", "").replace(" ", ""));
			}
			catch (NumberFormatException ex) {
				fail(field, "'" + text.strip() + "' is not an amount in đồng");
				return null;
			}
		}

		Double decimal(String field, String text) {
			if (isBlank(text)) {
				fail(field, "is required");
				return null;
			}
			try {
				return Double.valueOf(text.strip().replace(',', '.'));
			}
			catch (NumberFormatException ex) {
				fail(field, "'" + text.strip() + "' is not a number");
				return null;
			}
		}

		Boolean bool(String field, String text, boolean blank) {
			if (isBlank(text)) {
				return blank;
			}
			return switch (text.strip().toLowerCase(Locale.ROOT)) {
				case "true", "yes", "1", "có", "x" -> true;
				case "false", "no", "0", "không" -> false;
				default -> {
					fail(field, "'" + text.strip() + "' is not yes or no");
					yield null;
				}
			};
		}

		<E extends Enum<E>> E enumValue(String field, String text, Class<E> type) {
			if (isBlank(text)) {
				fail(field, "is required; one of " + Arrays.toString(type.getEnumConstants()));
				return null;
			}
			try {
				return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				fail(field, "'" + text.strip() + "' is not one of " + Arrays.toString(type.getEnumConstants()));
				return null;
			}
		}

		LocalDate date(String field, String text) {
			if (isBlank(text)) {
				return null;
			}
			try {
				return LocalDate.parse(text.strip());
			}
			catch (DateTimeParseException ex) {
				fail(field, "'" + text.strip() + "' is not a date (YYYY-MM-DD)");
				return null;
			}
		}

		LocalTime localTime(String field, String text) {
			try {
				return LocalTime.parse(text.strip());
			}
			catch (DateTimeParseException ex) {
				fail(field, "'" + text.strip() + "' is not a time of day (HH:MM)");
				return null;
			}
		}

	}

}
