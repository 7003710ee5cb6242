package vn.motcua.catalog.internal;

import java.time.InstantSource;
import java.time.LocalDate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.motcua.catalog.ImportFormat;
import vn.motcua.catalog.ImportResult;
import vn.motcua.catalog.core.ProcedureContent;
import vn.motcua.catalog.core.PublicationChannel;
import vn.motcua.org.Unit;
import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;
import vn.motcua.shared.Problem.Violation;

/**
 * Imports and exports catalog files. An import reads and checks every row first and
 * writes only when none is wrong, in the caller's transaction; rows equal to the version
 * held change nothing.
 */
@Component
public class CatalogImporter {

	/** The most rows one file may hold. */
	static final int MAX_ROWS = 20_000;

	private final CatalogStore store;

	private final InstantSource clock;

	private final ProcedureFormats formats = new ProcedureFormats();

	CatalogImporter(CatalogStore store, InstantSource clock) {
		this.store = store;
		this.clock = clock;
	}

	/**
	 * The errors an answer lists at most (issue 10: a million bad rows made a 72 MB
	 * answer); the count says how many there were.
	 */
	static final int MAX_ERRORS_LISTED = 100;

	public ImportResult importFile(Unit unit, ImportFormat format, byte[] file, LocalDate defaultEffectiveFrom) {
		List<Violation> errors = new ArrayList<>();
		List<RawProcedure> raws = format == ImportFormat.JSON ? this.formats.readJson(file, errors)
				: this.formats.readCsv(file, errors);
		if (raws.size() > MAX_ROWS) {
			throw Problem.invalid(ProblemCode.CATALOG_IMPORT_REJECTED, "file",
					"holds " + raws.size() + " procedures; at most " + MAX_ROWS + " may be imported at once");
		}
		RowBuilder builder = new RowBuilder(unit.sameDayCutoff(), unit.hours().hoursPerDay());
		List<ImportRow> rows = new ArrayList<>();
		Map<String, Integer> lineOfCode = new HashMap<>();
		for (RawProcedure raw : raws) {
			ImportRow row = builder.build(raw, errors);
			if (row == null) {
				continue;
			}
			Integer first = lineOfCode.putIfAbsent(row.content().code(), row.line());
			if (first != null) {
				errors.add(Violation.atLine(row.line(), "code",
						"'" + row.content().code() + "' is also on line " + first + "; a file lists a procedure once"));
				continue;
			}
			rows.add(row);
		}
		if (raws.isEmpty() && errors.isEmpty()) {
			errors.add(Violation.atLine(1, "file", "holds no procedures"));
		}
		if (!errors.isEmpty()) {
			errors.sort((a, b) -> Integer.compare(a.line() == null ? 0 : a.line(), b.line() == null ? 0 : b.line()));
			String listed = errors.size() > MAX_ERRORS_LISTED ? " (the first " + MAX_ERRORS_LISTED + " listed)" : "";
			throw Problem.invalid(ProblemCode.CATALOG_IMPORT_REJECTED,
					errors.size() + " error(s) in the file" + listed + "; nothing was imported",
					List.copyOf(errors.subList(0, Math.min(errors.size(), MAX_ERRORS_LISTED))));
		}
		return write(unit.code(), rows, defaultEffectiveFrom);
	}

	private ImportResult write(String unitCode, List<ImportRow> rows, LocalDate defaultEffectiveFrom) {
		Instant now = this.clock.instant();
		Map<String, CatalogStore.Head> heads = this.store.heads(unitCode);
		Map<Long, Map<PublicationChannel, LocalDate>> published = this.store.publications(unitCode);
		List<CatalogStore.NewVersion> versions = new ArrayList<>();
		List<Object[]> publications = new ArrayList<>();
		int created = 0;
		int changed = 0;
		int unchanged = 0;
		for (ImportRow row : rows) {
			ProcedureContent content = row.content();
			String details = this.store.toJson(content);
			LocalDate effectiveFrom = row.effectiveFrom() != null ? row.effectiveFrom() : defaultEffectiveFrom;
			CatalogStore.Head head = heads.get(content.code());
			long procedureId;
			if (head == null) {
				procedureId = this.store.insertProcedure(unitCode, content.code(), now);
				versions.add(new CatalogStore.NewVersion(procedureId, 1, effectiveFrom, content, details));
				created++;
			}
			else {
				procedureId = head.procedureId();
				// a version stored before a field was added reads with its default: the
				// same content is no new version
				if (head.details().equals(details) || this.store.fromJson(head.details()).equals(content)) {
					unchanged++;
				}
				else {
					versions.add(new CatalogStore.NewVersion(procedureId, head.versionNo() + 1, effectiveFrom, content,
							details));
					changed++;
				}
			}
			Map<PublicationChannel, LocalDate> already = published.getOrDefault(procedureId, Map.of());
			row.publications().forEach((channel, on) -> {
				if (!already.containsKey(channel)) {
					publications.add(new Object[] { procedureId, channel.name(), on });
				}
			});
		}
		this.store.insertVersions(versions, now);
		this.store.insertPublications(publications);
		return new ImportResult(rows.size(), created, changed, unchanged, publications.size());
	}

	public byte[] export(String unitCode, ImportFormat format, LocalDate on) {
		var procedures = this.store.all(unitCode, on);
		return format == ImportFormat.JSON ? this.formats.writeJson(procedures) : this.formats.writeCsv(procedures);
	}

	public void publish(String unitCode, String code, PublicationChannel channel, LocalDate on) {
		long procedureId = this.store.procedureId(unitCode, code).orElseThrow();
		if (this.store.publications(unitCode).getOrDefault(procedureId, Map.of()).containsKey(channel)) {
			throw new Problem(Problem.Kind.CONFLICT, ProblemCode.ALREADY_PUBLISHED,
					"The procedure is already posted on " + channel,
					List.of(Violation.of("channel", "already posted on " + channel)));
		}
		this.store.insertPublications(List.<Object[]>of(new Object[] { procedureId, channel.name(), on }));
	}

}
