package vn.motcua.forms;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sets of standard forms, as data ({@code forms/form-sets.txt}): each with the first
 * receipt day it applies to, and its forms' numbers and titles. A dossier's forms are
 * those of the set in force on the day it was received, in Vietnam's time (DOMAIN §2:
 * rules change by date; a dossier is judged by those in force when it was received).
 */
public final class FormSets {

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	/**
	 * One form of a set: its number ("01"), title and the suffix of its documents'
	 * numbers.
	 */
	public record Form(String set, FormKind kind, String number, String title, String suffix) {
	}

	/** A set of forms in force from a receipt day. */
	public record FormSet(String name, LocalDate validFrom, Map<FormKind, Form> forms) {

		public Optional<Form> form(FormKind kind) {
			return Optional.ofNullable(this.forms.get(kind));
		}

	}

	private final List<FormSet> sets;

	private FormSets(List<FormSet> sets) {
		this.sets = sets.stream().sorted(Comparator.comparing(FormSet::validFrom)).toList();
	}

	/** The sets bundled with the application. */
	public static FormSets bundled() {
		try (InputStream in = FormSets.class.getClassLoader().getResourceAsStream("forms/form-sets.txt")) {
			if (in == null) {
				throw new IllegalStateException("forms/form-sets.txt is not on the classpath");
			}
			return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static FormSets parse(List<String> lines) {
		Map<String, LocalDate> from = new LinkedHashMap<>();
		Map<String, Map<FormKind, Form>> forms = new LinkedHashMap<>();
		for (String line : lines) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			String[] f = line.split("\\|", -1);
			if (f.length != 6) {
				throw new IllegalStateException("a form set line has 6 fields: " + line);
			}
			String set = f[0].strip();
			LocalDate validFrom = LocalDate.parse(f[1].strip());
			LocalDate known = from.putIfAbsent(set, validFrom);
			if (known != null && !known.equals(validFrom)) {
				throw new IllegalStateException("form set " + set + " has two first days");
			}
			FormKind kind = FormKind.valueOf(f[2].strip());
			forms.computeIfAbsent(set, s -> new EnumMap<>(FormKind.class))
				.put(kind, new Form(set, kind, f[3].strip(), f[4].strip(), f[5].strip()));
		}
		List<FormSet> sets = new ArrayList<>();
		from.forEach((name, day) -> sets.add(new FormSet(name, day, Map.copyOf(forms.get(name)))));
		return new FormSets(sets);
	}

	/** The set in force for a dossier received on that day. */
	public FormSet on(LocalDate day) {
		FormSet chosen = null;
		for (FormSet set : this.sets) {
			if (!set.validFrom().isAfter(day)) {
				chosen = set;
			}
		}
		if (chosen == null) {
			throw new IllegalArgumentException("no form set is in force on " + day);
		}
		return chosen;
	}

	/** The set in force for a dossier received at that instant (the day in Vietnam). */
	public FormSet at(Instant receivedAt) {
		return on(LocalDate.ofInstant(receivedAt, VIETNAM));
	}

	public List<FormSet> all() {
		return this.sets;
	}

}
