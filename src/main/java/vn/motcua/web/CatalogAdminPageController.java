package vn.motcua.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.ImportFormat;
import vn.motcua.catalog.ImportResult;
import vn.motcua.org.Actor;
import vn.motcua.org.Unit;
import vn.motcua.shared.Problem;

/**
 * The administration's catalog: a unit's catalog file uploaded (CSV or JSON, as the API
 * takes it) and the import's report on the page — the rows taken, or, since an import
 * takes all rows or none, every row refused with its line and the reason in words.
 */
@Controller
class CatalogAdminPageController {

	/**
	 * One row of the file that was refused: its line, and each reason with its column.
	 */
	record RefusedRow(Integer line, List<Reason> reasons) {
	}

	/** A reason a row was refused: the column (or field) of the file, in words. */
	record Reason(String column, String text) {
	}

	private final AdminPages pages;

	private final Catalog catalog;

	private final ProblemMessages problems;

	private final MessageSource messages;

	CatalogAdminPageController(AdminPages pages, Catalog catalog, ProblemMessages problems, MessageSource messages) {
		this.pages = pages;
		this.catalog = catalog;
		this.problems = problems;
		this.messages = messages;
	}

	@GetMapping("/quan-tri/don-vi/{code}/danh-muc")
	String page(@PathVariable String code, Authentication user, Model model) {
		Actor actor = this.pages.actor(user);
		return page(this.pages.unit(actor, code), null, null, null, model);
	}

	@PostMapping("/quan-tri/don-vi/{code}/danh-muc")
	String upload(@PathVariable String code, @RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) String effectiveFrom, Authentication user, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		Actor actor = this.pages.actor(user);
		Unit unit = this.pages.unit(actor, code);
		LocalDate from = Formats.parseDay(effectiveFrom);
		if (from == null && effectiveFrom != null && !effectiveFrom.isBlank()) {
			response.setStatus(400);
			return page(unit, effectiveFrom,
					FormErrors.of("effectiveFrom", text("field.effectiveFrom.invalid", locale)), null, model);
		}
		if (file == null || file.isEmpty()) {
			response.setStatus(400);
			return page(unit, effectiveFrom, FormErrors.of("file", text("admin.catalog.noFile", locale)), null, model);
		}
		Optional<ImportFormat> format = ImportFormat.detect(file.getOriginalFilename())
			.or(() -> ImportFormat.detect(file.getContentType()));
		if (format.isEmpty()) {
			response.setStatus(400);
			return page(unit, effectiveFrom, FormErrors.of("file", text("admin.catalog.format", locale)), null, model);
		}
		try {
			ImportResult result = this.catalog.importFile(actor, code, format.get(), bytes(file), from);
			redirect.addFlashAttribute("result", result);
			redirect.addFlashAttribute("filename", file.getOriginalFilename());
			return "redirect:/quan-tri/don-vi/" + code + "/danh-muc";
		}
		catch (Problem ex) {
			AdminPages.status(ex, response);
			List<RefusedRow> refused = refused(ex, locale);
			FormErrors errors = FormErrors.of("file",
					text("admin.catalog.refused", locale, refused.size(), ex.violations().size()));
			model.addAttribute("refusedFile", file.getOriginalFilename());
			return page(unit, effectiveFrom, errors, refused, model);
		}
	}

	private String page(Unit unit, String effectiveFrom, FormErrors errors, List<RefusedRow> refused, Model model) {
		AdminPages.section(model, unit, "catalog");
		model.addAttribute("counts", this.catalog.counts(unit.code()));
		model.addAttribute("effectiveFrom", effectiveFrom);
		model.addAttribute("errors", errors);
		model.addAttribute("refused", refused);
		return "admin/catalog";
	}

	/** The refused rows, by line, each reason worded by its column. */
	private List<RefusedRow> refused(Problem ex, Locale locale) {
		Map<Integer, List<Reason>> byLine = new LinkedHashMap<>();
		for (Problem.Violation v : ex.violations()) {
			String reason = this.problems.reason(ex, v, locale);
			if (reason == null) {
				reason = text("admin.catalog.reason.unknown", locale);
			}
			byLine.computeIfAbsent(v.line(), k -> new ArrayList<>()).add(new Reason(v.field(), reason));
		}
		List<RefusedRow> rows = new ArrayList<>();
		byLine.forEach((line, reasons) -> rows.add(new RefusedRow(line, reasons)));
		return rows;
	}

	private static byte[] bytes(MultipartFile file) {
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String text(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

}
