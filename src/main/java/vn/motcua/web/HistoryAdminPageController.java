package vn.motcua.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import vn.motcua.history.HistoryFormat;
import vn.motcua.history.HistoryImports;
import vn.motcua.history.ImportJob;
import vn.motcua.org.Actor;
import vn.motcua.org.Unit;
import vn.motcua.shared.Problem;

/**
 * The administration's history imports (ADR 29): a unit's dossiers from its previous
 * system, uploaded as a JSON Lines or CSV file (docs/history-import.md); the job's page
 * shows its progress as it runs in the background, then its report.
 */
@Controller
class HistoryAdminPageController {

	/** How many report rows a page shows. */
	static final int REPORT_PAGE = 100;

	private final AdminPages pages;

	private final HistoryImports imports;

	private final ProblemMessages problems;

	private final MessageSource messages;

	HistoryAdminPageController(AdminPages pages, HistoryImports imports, ProblemMessages problems,
			MessageSource messages) {
		this.pages = pages;
		this.imports = imports;
		this.problems = problems;
		this.messages = messages;
	}

	@GetMapping("/quan-tri/don-vi/{code}/lich-su")
	String page(@PathVariable String code, Authentication user, Model model) {
		Actor actor = this.pages.actor(user);
		return page(actor, this.pages.unit(actor, code), null, null, model);
	}

	@PostMapping("/quan-tri/don-vi/{code}/lich-su")
	String upload(@PathVariable String code, @RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) String source, Authentication user, Model model, Locale locale,
			HttpServletResponse response) {
		Actor actor = this.pages.actor(user);
		Unit unit = this.pages.unit(actor, code);
		String name = source == null ? null : source.strip();
		if (name == null || name.isEmpty()) {
			response.setStatus(400);
			return page(actor, unit, source, FormErrors.of("source", text("admin.history.source.required", locale)),
					model);
		}
		if (file == null || file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()) {
			response.setStatus(400);
			return page(actor, unit, source, FormErrors.of("file", text("admin.history.noFile", locale)), model);
		}
		if (file.isEmpty()) {
			response.setStatus(400);
			return page(actor, unit, source, FormErrors.of("file", text("admin.history.emptyFile", locale)), model);
		}
		HistoryFormat format = format(file.getOriginalFilename());
		if (format == null) {
			response.setStatus(400);
			return page(actor, unit, source, FormErrors.of("file", text("admin.history.format", locale)), model);
		}
		try (InputStream in = file.getInputStream()) {
			ImportJob job = this.imports.start(actor, unit.code(), name, format, file.getOriginalFilename(), in);
			return "redirect:/quan-tri/don-vi/" + unit.code() + "/lich-su/" + job.id();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (Problem ex) {
			AdminPages.status(ex, response);
			String field = ex.violations().isEmpty() ? "file" : ex.violations().get(0).field();
			if (field.equals("source")) {
				return page(actor, unit, source, FormErrors.of("source", text("admin.history.source.invalid", locale)),
						model);
			}
			String reason = ex.violations().isEmpty() ? null : this.problems.reason(ex, ex.violations().get(0), locale);
			return page(actor, unit, source,
					FormErrors.of("file", reason != null ? reason : text("admin.history.refused", locale)), model);
		}
	}

	@GetMapping("/quan-tri/don-vi/{code}/lich-su/{id}")
	String job(@PathVariable String code, @PathVariable long id, @RequestParam(required = false) String kind,
			@RequestParam(defaultValue = "0") int page, Authentication user, Model model) {
		Actor actor = this.pages.actor(user);
		Unit unit = this.pages.unit(actor, code);
		ImportJob job = this.imports.job(actor, id);
		String shown = kind == null || kind.isBlank() ? null : kind.strip().toUpperCase(Locale.ROOT);
		AdminPages.section(model, unit, "history");
		model.addAttribute("job", job);
		model.addAttribute("kind", shown);
		if (job.finished()) {
			model.addAttribute("report", this.imports.notes(actor, id, shown, Math.max(0, page), REPORT_PAGE));
		}
		return "admin/history-job";
	}

	/** The job's progress alone, for the page to ask again while it runs (htmx). */
	@GetMapping("/quan-tri/don-vi/{code}/lich-su/{id}/tien-do")
	String progress(@PathVariable String code, @PathVariable long id, Authentication user, Model model,
			HttpServletResponse response) {
		Actor actor = this.pages.actor(user);
		Unit unit = this.pages.unit(actor, code);
		ImportJob job = this.imports.job(actor, id);
		model.addAttribute("unit", unit);
		model.addAttribute("job", job);
		if (job.finished()) {
			// the whole page again, with the report
			response.setHeader("HX-Refresh", "true");
		}
		return "admin/history-job :: progress";
	}

	private String page(Actor actor, Unit unit, String source, FormErrors errors, Model model) {
		AdminPages.section(model, unit, "history");
		model.addAttribute("jobs", this.imports.jobs(actor, unit.code()));
		model.addAttribute("figures", this.imports.figures(unit.code()));
		model.addAttribute("source", source);
		model.addAttribute("errors", errors);
		return "admin/history";
	}

	/**
	 * The file's format by its name: .jsonl, .ndjson or .json is JSON Lines, .csv is CSV.
	 */
	static HistoryFormat format(String fileName) {
		String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
		if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
			return HistoryFormat.JSONL;
		}
		return name.endsWith(".csv") ? HistoryFormat.CSV : null;
	}

	private String text(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

}
