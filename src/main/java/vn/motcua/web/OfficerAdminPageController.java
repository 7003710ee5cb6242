package vn.motcua.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.motcua.org.Actor;
import vn.motcua.org.Officer;
import vn.motcua.org.OfficerAuditEntry;
import vn.motcua.org.Officers;
import vn.motcua.org.Role;
import vn.motcua.org.Unit;
import vn.motcua.org.Units;
import vn.motcua.shared.Problem;

/**
 * The administration's officers: a unit's officers, registering one, and an officer's
 * page to change their roles, set a new password, deactivate or reactivate them, with
 * what administrators changed, in words. The rules and the audit are {@link Officers}'.
 */
@Controller
class OfficerAdminPageController {

	/** The roles an administrator gives, in this order on the forms. */
	static final List<Role> ROLES = List.of(Role.ONE_STOP_OFFICER, Role.SPECIALIST, Role.LEADER, Role.FINANCE_OFFICER,
			Role.SUPERVISOR, Role.ADMINISTRATOR);

	static final List<String> OFFICER_INPUTS = List.of("username", "fullName", "roles", "password");

	/** An officer to register, as typed; the password is never shown again. */
	record OfficerForm(String username, String fullName, List<Role> roles, String password) {

		@Override
		public String toString() {
			return "OfficerForm[username=" + this.username + ", roles=" + this.roles + "]";
		}

	}

	/** One line of what administrators changed, in words. */
	record AuditLine(java.time.Instant at, String by, String what) {
	}

	private final AdminPages pages;

	private final Officers officers;

	private final Units units;

	private final ProblemMessages problems;

	private final MessageSource messages;

	OfficerAdminPageController(AdminPages pages, Officers officers, Units units, ProblemMessages problems,
			MessageSource messages) {
		this.pages = pages;
		this.officers = officers;
		this.units = units;
		this.problems = problems;
		this.messages = messages;
	}

	@GetMapping("/quan-tri/don-vi/{code}/can-bo")
	String list(@PathVariable String code, Authentication user, Model model) {
		Actor actor = this.pages.actor(user);
		Unit unit = this.pages.unit(actor, code);
		AdminPages.section(model, unit, "officers");
		model.addAttribute("officers",
				this.officers.ofUnit(actor, code)
					.stream()
					.sorted(Comparator.comparing((Officer o) -> !o.active()).thenComparing(Officer::fullName))
					.toList());
		model.addAttribute("roleOrder", ROLES);
		return "admin/officers";
	}

	@GetMapping("/quan-tri/don-vi/{code}/can-bo/moi")
	String newOfficer(@PathVariable String code, Authentication user, Model model) {
		Actor actor = this.pages.actor(user);
		return officerForm(this.pages.unit(actor, code), new OfficerForm("", "", List.of(), ""), null, model);
	}

	@PostMapping("/quan-tri/don-vi/{code}/can-bo")
	String register(@PathVariable String code, @ModelAttribute("form") OfficerForm form, BindingResult binding,
			Authentication user, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		Actor actor = this.pages.actor(user);
		Unit unit = this.pages.unit(actor, code);
		FormErrors errors = this.problems.errors(binding, locale);
		if (!errors.isEmpty()) {
			response.setStatus(400);
			return officerForm(unit, form, errors, model);
		}
		String username = form.username() == null ? null : form.username().strip();
		try {
			Officer officer = this.officers.register(actor, username, form.fullName(), code, roles(form.roles()),
					form.password());
			redirect.addFlashAttribute("done", "admin.officer.registered");
			return "redirect:/quan-tri/can-bo/" + officer.username();
		}
		catch (Problem ex) {
			AdminPages.status(ex, response);
			FormErrors problem = this.problems.errors(ex, locale, OFFICER_INPUTS, Map.of());
			if (problem.has("username") && this.officers.find(username).isPresent()) {
				problem = problem.replacing("username", text("admin.officer.username.taken", locale));
			}
			return officerForm(unit, form, problem, model);
		}
	}

	private String officerForm(Unit unit, OfficerForm form, FormErrors errors, Model model) {
		AdminPages.section(model, unit, "officers");
		// the password typed is not sent back into the page
		model.addAttribute("form",
				new OfficerForm(form.username(), form.fullName(), form.roles() == null ? List.of() : form.roles(), ""));
		model.addAttribute("errors", errors);
		model.addAttribute("roles", ROLES);
		model.addAttribute("minPassword", Officers.MIN_PASSWORD_LENGTH);
		return "admin/officer-new";
	}

	@GetMapping("/quan-tri/can-bo/{username}")
	String officer(@PathVariable String username, Authentication user, Model model, Locale locale) {
		Actor actor = this.pages.actor(user);
		Officer officer = this.officers.get(actor, username);
		return officerPage(actor, officer, officer.roles().stream().toList(), null, model, locale);
	}

	@PostMapping("/quan-tri/can-bo/{username}/vai-tro")
	String changeRoles(@PathVariable String username,
			@RequestParam(name = "roles", required = false) List<String> chosen, Authentication user, Model model,
			Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
		Actor actor = this.pages.actor(user);
		Officer officer = this.officers.get(actor, username);
		List<Role> roles = new ArrayList<>();
		boolean unknown = false;
		for (String name : chosen == null ? List.<String>of() : chosen) {
			try {
				roles.add(Role.valueOf(name));
			}
			catch (IllegalArgumentException ex) {
				unknown = true;
			}
		}
		if (unknown) {
			response.setStatus(400);
			return officerPage(actor, officer, roles, FormErrors.of("roles", text("field.roles.invalid", locale)),
					model, locale);
		}
		try {
			this.officers.change(actor, username, roles(roles), null);
			redirect.addFlashAttribute("done", "admin.officer.rolesChanged");
			return "redirect:/quan-tri/can-bo/" + username;
		}
		catch (Problem ex) {
			AdminPages.status(ex, response);
			return officerPage(actor, officer, roles, this.problems.errors(ex, locale, OFFICER_INPUTS, Map.of()), model,
					locale);
		}
	}

	@PostMapping("/quan-tri/can-bo/{username}/mat-khau")
	String resetPassword(@PathVariable String username, @RequestParam(required = false) String password,
			Authentication user, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		Actor actor = this.pages.actor(user);
		Officer officer = this.officers.get(actor, username);
		try {
			this.officers.resetPassword(actor, username, password);
			redirect.addFlashAttribute("done", "admin.officer.passwordSet");
			return "redirect:/quan-tri/can-bo/" + username;
		}
		catch (Problem ex) {
			AdminPages.status(ex, response);
			return officerPage(actor, officer, officer.roles().stream().toList(),
					this.problems.errors(ex, locale, OFFICER_INPUTS, Map.of()), model, locale);
		}
	}

	@PostMapping("/quan-tri/can-bo/{username}/khoa")
	String deactivate(@PathVariable String username, Authentication user, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		return setActive(username, false, user, model, locale, response, redirect);
	}

	@PostMapping("/quan-tri/can-bo/{username}/mo-khoa")
	String reactivate(@PathVariable String username, Authentication user, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		return setActive(username, true, user, model, locale, response, redirect);
	}

	private String setActive(String username, boolean active, Authentication user, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		Actor actor = this.pages.actor(user);
		Officer officer = this.officers.get(actor, username);
		try {
			if (active) {
				this.officers.reactivate(actor, username);
			}
			else {
				this.officers.deactivate(actor, username);
			}
			redirect.addFlashAttribute("done", active ? "admin.officer.reactivated" : "admin.officer.deactivated");
			return "redirect:/quan-tri/can-bo/" + username;
		}
		catch (Problem ex) {
			AdminPages.status(ex, response);
			// active or inactive already (someone else was quicker): the page as it is
			// now
			Officer now = this.officers.get(actor, username);
			return officerPage(actor, now, now.roles().stream().toList(),
					this.problems.errors(ex, locale, List.of(), Map.of()), model, locale);
		}
	}

	private String officerPage(Actor actor, Officer officer, List<Role> chosen, FormErrors errors, Model model,
			Locale locale) {
		Unit unit = this.units.get("unit", officer.unitCode());
		AdminPages.section(model, unit, "officers");
		model.addAttribute("officer", officer);
		model.addAttribute("chosen", chosen);
		model.addAttribute("roles", ROLES);
		model.addAttribute("errors", errors);
		model.addAttribute("minPassword", Officers.MIN_PASSWORD_LENGTH);
		model.addAttribute("audit", audit(actor, officer, locale));
		model.addAttribute("fmt", new Formats.Bound(locale));
		return "admin/officer";
	}

	/**
	 * What administrators changed, newest first, in words: names, not usernames or codes.
	 */
	private List<AuditLine> audit(Actor actor, Officer officer, Locale locale) {
		Map<String, String> names = new HashMap<>();
		List<AuditLine> lines = new ArrayList<>();
		for (OfficerAuditEntry e : this.officers.changes(actor, officer.username())) {
			String by = names.computeIfAbsent(e.actor(), a -> this.officers.find(a)
				.map(Officer::fullName)
				.orElseGet(
						() -> text("system".equals(a) ? "admin.audit.system" : "admin.audit.administrator", locale)));
			lines.add(new AuditLine(e.at(), by, what(e, locale)));
		}
		java.util.Collections.reverse(lines);
		return lines;
	}

	private String what(OfficerAuditEntry e, Locale locale) {
		OfficerAuditEntry.Values v = e.values();
		return switch (e.change()) {
			case REGISTERED -> v.unit() != null
					? text("admin.audit.REGISTERED.detail", locale, unitName(v.unit()), roleNames(v.roles(), locale))
					: text("admin.audit.REGISTERED", locale);
			case ROLES_CHANGED ->
				v.roles() != null ? text("admin.audit.ROLES_CHANGED.detail", locale, roleNames(v.rolesBefore(), locale),
						roleNames(v.roles(), locale)) : text("admin.audit.ROLES_CHANGED", locale);
			case UNIT_CHANGED -> v.unit() != null
					? text("admin.audit.UNIT_CHANGED.detail", locale, unitName(v.unitBefore()), unitName(v.unit()))
					: text("admin.audit.UNIT_CHANGED", locale);
			default -> text("admin.audit." + e.change(), locale);
		};
	}

	private String unitName(String code) {
		return this.units.find(code).map(Unit::name).orElse(code);
	}

	private String roleNames(Set<Role> roles, Locale locale) {
		return roles.stream()
			.sorted(Comparator.comparingInt(r -> ROLES.indexOf(r) < 0 ? ROLES.size() : ROLES.indexOf(r)))
			.map(r -> text("role." + r.name(), locale))
			.collect(Collectors.joining(", "));
	}

	private static Set<Role> roles(List<Role> roles) {
		Set<Role> set = EnumSet.noneOf(Role.class);
		if (roles != null) {
			roles.stream().filter(Objects::nonNull).forEach(set::add);
		}
		return set;
	}

	private String text(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

}
