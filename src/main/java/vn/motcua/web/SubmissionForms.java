package vn.motcua.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.web.multipart.MultipartFile;

import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.core.ProcedureContent;
import vn.motcua.dossier.Scan;
import vn.motcua.dossier.core.SubmittedComponent;

/**
 * What the submission forms share: the ward-then-procedure chooser, and the files of an
 * intake or online form: field {@code file-<i>} holds the scan of the procedure's i-th
 * component. Empty fields are no file.
 */
final class SubmissionForms {

	private SubmissionForms() {
	}

	/**
	 * The files of the form, each as a scan of its component; the intake checks them
	 * before anything is saved.
	 */
	static List<Scan> scans(Procedure procedure, Map<String, MultipartFile> fields) {
		return scans(procedure.content().components().stream().map(ProcedureContent.Component::name).toList(), fields);
	}

	/**
	 * The files of the form, field {@code file-<i>} a scan of the i-th of the components
	 * named.
	 */
	static List<Scan> scans(List<String> components, Map<String, MultipartFile> fields) {
		List<Scan> scans = new ArrayList<>();
		for (int i = 0; i < components.size(); i++) {
			MultipartFile file = fields.get("file-" + i);
			if (file != null && !file.isEmpty()) {
				try {
					scans.add(new Scan("file-" + i, components.get(i), filename(file.getOriginalFilename()),
							file.getContentType(), file.getBytes()));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}
		return scans;
	}

	/**
	 * The file's name as sent, without control characters (a NUL byte would fail the file
	 * store and PostgreSQL); null stays null.
	 */
	static String filename(String name) {
		return name == null ? null : name.replaceAll("\\p{Cntrl}", "");
	}

	/**
	 * The model of the ward-then-procedure chooser of an online submission: the wards,
	 * the chosen ward's procedures offered online, and the chosen procedure.
	 */
	static void chooser(org.springframework.ui.Model model, vn.motcua.org.Units units,
			vn.motcua.catalog.Catalog catalog, String unit, String procedure) {
		model.addAttribute("wards", units.withOneStopShop());
		model.addAttribute("unit", unit);
		if (unit != null && !unit.isBlank()) {
			model.addAttribute("procedures", catalog.offeredOnline(unit));
			if (procedure != null && !procedure.isBlank()) {
				model.addAttribute("procedure", catalog.get(unit, procedure, null));
			}
		}
	}

	/** The components handed in: those ticked, and those with a file. */
	static List<SubmittedComponent> components(Procedure procedure, List<String> ticked, List<Scan> scans) {
		List<SubmittedComponent> components = new ArrayList<>();
		for (ProcedureContent.Component c : procedure.content().components()) {
			if ((ticked != null && ticked.contains(c.name()))
					|| scans.stream().anyMatch(scan -> scan.component().equals(c.name()))) {
				components.add(new SubmittedComponent(c.name(), c.originals(), c.copies()));
			}
		}
		return components;
	}

}
