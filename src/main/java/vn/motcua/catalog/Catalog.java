package vn.motcua.catalog;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.catalog.core.PublicationChannel;
import vn.motcua.catalog.internal.CatalogImporter;
import vn.motcua.catalog.internal.CatalogStore;
import vn.motcua.org.Actor;
import vn.motcua.org.Units;
import vn.motcua.shared.Page;
import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;

/**
 * The units' procedure catalogs: search, versions in force, import and export,
 * publication.
 */
@Service
public class Catalog {

	/** The most a page of search results may hold. */
	public static final int MAX_PAGE_SIZE = 200;

	private final Units units;

	private final CatalogStore reads;

	private final CatalogImporter importer;

	private final Clock clock;

	/**
	 * Versions in force by unit, code and day, kept a minute: an import here clears it at
	 * once.
	 */
	private final Map<String, CachedProcedure> cache = new ConcurrentHashMap<>();

	private record CachedProcedure(Procedure procedure, long loadedAt) {
	}

	private static final long CACHE_NANOS = TimeUnit.SECONDS.toNanos(60);

	Catalog(Units units, CatalogStore reads, CatalogImporter importer, Clock clock) {
		this.units = units;
		this.reads = reads;
		this.importer = importer;
		this.clock = clock;
	}

	/** Today in Vietnam, the default day for versions in force. */
	public LocalDate today() {
		return LocalDate.now(this.clock);
	}

	@Transactional(readOnly = true)
	public Page<ProcedureSummary> search(CatalogQuery query) {
		if (query.unitCode() != null) {
			this.units.get("unit", query.unitCode());
		}
		if (query.page() < 0) {
			throw Problem.invalid(ProblemCode.PAGE_INVALID, "page", "must not be negative");
		}
		if (query.size() < 1 || query.size() > MAX_PAGE_SIZE) {
			throw Problem.invalid(ProblemCode.PAGE_INVALID, "size", "must be between 1 and " + MAX_PAGE_SIZE);
		}
		return this.reads.search(new CatalogQuery(query.unitCode(), query.text(), query.field(), query.posted(),
				query.on() != null ? query.on() : today(), query.page(), query.size()));
	}

	/**
	 * The unit's procedures in force today that can be submitted online (fully or
	 * partly).
	 */
	@Transactional(readOnly = true)
	public List<ProcedureSummary> offeredOnline(String unitCode) {
		this.units.get("unit", unitCode);
		return this.reads.offeredOnline(unitCode, today());
	}

	/** The fields of the unit's catalog today, with their numbers of procedures. */
	@Transactional(readOnly = true)
	public Map<String, Integer> fields(String unitCode) {
		this.units.get("unit", unitCode);
		return this.reads.fields(unitCode, today());
	}

	/**
	 * The version of the procedure in force at the unit on the day ({@code null}: today).
	 * @throws ProcedureNotFound when there is none
	 */
	@Transactional(readOnly = true)
	public Procedure get(String unitCode, String code, LocalDate on) {
		this.units.get("unit", unitCode);
		LocalDate day = on != null ? on : today();
		String key = unitCode + "|" + code + "|" + day;
		CachedProcedure cached = this.cache.get(key);
		if (cached != null && System.nanoTime() - cached.loadedAt() < CACHE_NANOS) {
			return cached.procedure();
		}
		Procedure procedure = this.reads.find(unitCode, code, day)
			.orElseThrow(() -> ProcedureNotFound.forCode(unitCode, code));
		this.cache.put(key, new CachedProcedure(procedure, System.nanoTime()));
		return procedure;
	}

	/**
	 * A version by its id, whatever day it is in force, as kept by a dossier received
	 * under it.
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<Procedure> version(long versionId) {
		return this.reads.findVersion(versionId);
	}

	/** The units that have a procedure of that code in force today. */
	@Transactional(readOnly = true)
	public List<String> unitsWith(String code) {
		return this.reads.unitsWith(code, today());
	}

	@Transactional(readOnly = true)
	public List<ProcedureVersion> versions(String unitCode, String code) {
		List<ProcedureVersion> versions = this.reads.versions(unitCode, code);
		if (versions.isEmpty()) {
			this.units.get("unit", unitCode);
			throw ProcedureNotFound.forCode(unitCode, code);
		}
		return versions;
	}

	/**
	 * How many procedures the unit has in force today, and how many are posted for the
	 * public.
	 */
	@Transactional(readOnly = true)
	public CatalogCounts counts(String unitCode) {
		this.units.get("unit", unitCode);
		long[] counts = this.reads.counts(unitCode, today());
		return new CatalogCounts(counts[0], counts[1]);
	}

	/**
	 * How many of the unit's procedures in force today have a fee to pay (more than 0
	 * đồng for one copy and one page; exempt ones do not count).
	 */
	@Transactional(readOnly = true)
	public long feeProcedures(String unitCode) {
		return this.reads.feeProcedures(unitCode, today());
	}

	/**
	 * How many procedures the units have in force today, together, and how many of them
	 * are posted: one query for a city's wards.
	 */
	@Transactional(readOnly = true)
	public CatalogCounts counts(java.util.Collection<String> unitCodes) {
		long[] counts = this.reads.counts(unitCodes, today());
		return new CatalogCounts(counts[0], counts[1]);
	}

	/**
	 * Imports a catalog file into the unit: new procedures, new versions of changed ones
	 * (effective from the row's date, else {@code effectiveFrom}, else today),
	 * publications. All rows or, when any row is wrong, none: the problem lists every
	 * wrong row with its line and reason. Only an administrator of the unit (or the
	 * system administrator) imports.
	 * @throws Problem forbidden for anyone else
	 */
	@Transactional
	public ImportResult importFile(Actor by, String unitCode, ImportFormat format, byte[] file,
			LocalDate effectiveFrom) {
		this.units.get("unit", unitCode);
		if (!by.administers(unitCode)) {
			throw new Problem(Problem.Kind.FORBIDDEN, ProblemCode.NOT_ALLOWED,
					"Only an administrator of " + unitCode + " imports its catalog", List.of());
		}
		return importFile(unitCode, format, file, effectiveFrom);
	}

	/**
	 * Imports a catalog file as
	 * {@link #importFile(Actor, String, ImportFormat, byte[], LocalDate)} does, without
	 * asking who: for loading data (the demo ward, benchmarks).
	 */
	@Transactional
	public ImportResult importFile(String unitCode, ImportFormat format, byte[] file, LocalDate effectiveFrom) {
		ImportResult result = this.importer.importFile(this.units.get("unit", unitCode), format, file,
				effectiveFrom != null ? effectiveFrom : today());
		this.cache.clear();
		return result;
	}

	/**
	 * The unit's catalog in force today, in the import format (a round trip changes
	 * nothing).
	 */
	@Transactional(readOnly = true)
	public byte[] export(String unitCode, ImportFormat format) {
		this.units.get("unit", unitCode);
		return this.importer.export(unitCode, format, today());
	}

	/**
	 * Records that the procedure is posted on a channel from a date (once per channel).
	 */
	@Transactional
	public Procedure publish(String unitCode, String code, PublicationChannel channel, LocalDate on) {
		Procedure procedure = get(unitCode, code, null);
		this.importer.publish(unitCode, code, channel, on != null ? on : today());
		this.cache.clear();
		return get(unitCode, procedure.code(), null);
	}

}
