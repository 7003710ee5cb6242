package vn.motcua.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.web.multipart.MultipartFile;

import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.core.FeeInputs;
import vn.motcua.catalog.core.ProcedureContent;
import vn.motcua.document.Uploads;
import vn.motcua.dossier.Scan;
import vn.motcua.dossier.core.SubmittedComponent;
import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;

/**
 * What the submission forms share: the ward-then-procedure chooser, and the files of an
 * intake or online form: field {@code file-<i>} holds the scan of the procedure's i-th
 * component. Empty fields are no file.
 */
final class SubmissionForms {

	private SubmissionForms() {
	}

	/**
	 * The files of the form, each as a scan of its component, received into temporary
	 * files and checked by their bytes; and the picks from the applicant's data store
	 * ({@code reuse-<i>}: the id of an earlier file). The caller releases them
	 * ({@link Uploads#release}) once the intake is over; a refused file leaves nothing.
	 */
	static List<Scan> scans(Uploads uploads, Procedure procedure, Map<String, MultipartFile> fields,
			Map<String, String> params) {
		return scans(uploads, procedure.content().components().stream().map(ProcedureContent.Component::name).toList(),
				fields, params);
	}

	/**
	 * The files of the form, field {@code file-<i>} a scan of the i-th of the components
	 * named, {@code reuse-<i>} a pick of the applicant's data store for it (a file wins).
	 */
	static List<Scan> scans(Uploads uploads, List<String> components, Map<String, MultipartFile> fields,
			Map<String, String> params) {
		List<Scan> scans = new ArrayList<>();
		boolean done = false;
		try {
			for (int i = 0; i < components.size(); i++) {
				MultipartFile file = fields.get("file-" + i);
				String pick = params == null ? null : params.get("reuse-" + i);
				if (file != null && !file.isEmpty()) {
					scans.add(receive(uploads, "file-" + i, components.get(i), file));
				}
				else if (file != null && file.getOriginalFilename() != null && !file.getOriginalFilename().isEmpty()) {
					// a file chosen, but with no bytes
					throw Problem.invalid(ProblemCode.FILE_EMPTY, "file-" + i, "the file is empty");
				}
				else if (pick != null && !pick.isBlank()) {
					scans.add(Scan.reuse("file-" + i, components.get(i), fileId("file-" + i, pick)));
				}
			}
			done = true;
			return scans;
		}
		finally {
			if (!done) {
				uploads.release(scans);
			}
		}
	}

	private static long fileId(String field, String pick) {
		try {
			return Long.parseLong(pick.strip());
		}
		catch (NumberFormatException ex) {
			throw Problem.invalid(ProblemCode.FILE_NOT_IN_STORE, field, "not a file of the data store");
		}
	}

	/**
	 * One file of a form received by {@link Uploads#receive} (streamed to its temporary
	 * file, checked by its bytes), under its name as sent without control characters.
	 */
	static Scan receive(Uploads uploads, String field, String component, MultipartFile file) {
		try (InputStream in = file.getInputStream()) {
			return uploads.receive(field, component, filename(file.getOriginalFilename()), file.getContentType(), in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Whether a file was chosen in the field: the browser sends an empty part with no
	 * name when none was.
	 */
	static boolean chosen(MultipartFile file) {
		return file != null
				&& (!file.isEmpty() || (file.getOriginalFilename() != null && !file.getOriginalFilename().isEmpty()));
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

	/**
	 * What the fee is counted from, as typed: a blank count is one; a count that is no
	 * number is kept as -1, for the intake's check to refuse where the fees need it
	 * (Fees.check, the one place the inputs are checked against the procedure).
	 */
	static FeeInputs feeInputs(String copies, String pages, String applicantGroup) {
		return new FeeInputs(count(copies), count(pages), applicantGroup);
	}

	private static int count(String text) {
		if (text == null || text.isBlank()) {
			return 1;
		}
		try {
			return Integer.parseInt(text.strip());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
