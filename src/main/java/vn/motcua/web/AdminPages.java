package vn.motcua.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import vn.motcua.org.Actor;
import vn.motcua.org.Officers;
import vn.motcua.org.Unit;
import vn.motcua.org.UnitLevel;
import vn.motcua.org.Units;
import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;

/**
 * What the administration pages share: who is acting, the units they administer (the
 * administrator: all; a unit's administrator: their unit, ADR 13), and how a form comes
 * back after a problem. Who may do what is asked of {@link Actor#administers} and of the
 * services, never decided here.
 */
@Component
class AdminPages {

	/** A unit in the tree, with its depth for indenting. */
	record TreeRow(Unit unit, int depth) {
	}

	private final Officers officers;

	private final Units units;

	AdminPages(Officers officers, Units units) {
		this.officers = officers;
		this.units = units;
	}

	Actor actor(Authentication user) {
		return this.officers.actor(user);
	}

	/**
	 * The unit, for who administers it.
	 * @throws Problem not found for an unknown code, forbidden for a unit the actor does
	 * not administer
	 */
	Unit unit(Actor actor, String code) {
		Unit unit = this.units.get("unit", code);
		if (!actor.administers(code)) {
			throw forbidden("Only an administrator of " + code + " administers it");
		}
		return unit;
	}

	static Problem forbidden(String detail) {
		return new Problem(Problem.Kind.FORBIDDEN, ProblemCode.FORBIDDEN, detail, List.of());
	}

	/** The units the actor administers, as a tree: parents first, then their children. */
	List<TreeRow> tree(Actor actor) {
		List<Unit> all = actor.isAdministrator() ? this.units.all()
				: this.units.find(actor.unitCode()).filter(u -> actor.administers(u.code())).stream().toList();
		Set<String> codes = new HashSet<>();
		all.forEach(u -> codes.add(u.code()));
		Map<String, List<Unit>> children = new LinkedHashMap<>();
		List<Unit> roots = new ArrayList<>();
		for (Unit u : all.stream().sorted(Comparator.comparing(Unit::code)).toList()) {
			if (u.parentCode() != null && codes.contains(u.parentCode())) {
				children.computeIfAbsent(u.parentCode(), k -> new ArrayList<>()).add(u);
			}
			else {
				roots.add(u);
			}
		}
		List<TreeRow> rows = new ArrayList<>();
		for (Unit root : roots) {
			add(rows, root, 0, children);
		}
		return rows;
	}

	private static void add(List<TreeRow> rows, Unit unit, int depth, Map<String, List<Unit>> children) {
		rows.add(new TreeRow(unit, depth));
		for (Unit child : children.getOrDefault(unit.code(), List.of())) {
			add(rows, child, depth + 1, children);
		}
	}

	/**
	 * The units a new unit may sit under for this actor: any for the administrator, else
	 * their own unit when units may sit under it. The service decides; this only fills
	 * the choice.
	 */
	List<Unit> possibleParents(Actor actor) {
		return tree(actor).stream()
			.map(TreeRow::unit)
			.filter(u -> u.level() == UnitLevel.PROVINCE || u.level() == UnitLevel.CITY)
			.toList();
	}

	/**
	 * Whether the actor may register a unit anywhere: the choice of a parent is not
	 * empty.
	 */
	boolean mayRegister(Actor actor) {
		return actor.isAdministrator() || !possibleParents(actor).isEmpty();
	}

	/**
	 * A form's problem: the status its kind answers (400, 403, 409), or, for a problem no
	 * form takes (not found, forbidden), the error page.
	 */
	static void status(Problem problem, HttpServletResponse response) {
		if (problem.kind() == Problem.Kind.FORBIDDEN) {
			// worded as the administration's refusal, not a dossier's (NOT_ALLOWED)
			throw forbidden(problem.getMessage());
		}
		if (problem.kind() == Problem.Kind.NOT_FOUND) {
			throw problem;
		}
		response.setStatus(problem.kind().status());
	}

	/** The unit and which of its pages is open, for the unit's navigation. */
	static void section(Model model, Unit unit, String section) {
		model.addAttribute("unit", unit);
		model.addAttribute("section", section);
	}

}
