package vn.motcua.catalog.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;
import vn.motcua.calendar.core.PeriodUnit;
import vn.motcua.calendar.core.ProcessingTime;
import vn.motcua.catalog.CatalogQuery;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureSummary;
import vn.motcua.catalog.ProcedureVersion;
import vn.motcua.catalog.Publication;
import vn.motcua.catalog.core.OnlineLevel;
import vn.motcua.catalog.core.ProcedureContent;
import vn.motcua.catalog.core.PublicationChannel;
import vn.motcua.shared.Page;
import vn.motcua.shared.VietnameseText;

import static vn.motcua.shared.Sql.utc;

/** Procedures, their versions and publications, in the {@code catalog_*} tables. */
@Repository
public class CatalogStore {

	/**
	 * The version of procedure {@code p} in force on {@code :on}: the latest effective by
	 * then.
	 */
	private static final String IN_FORCE = "v.id = (select v2.id from catalog_procedure_version v2 where v2.procedure_id = p.id"
			+ " and v2.effective_from <= :on order by v2.effective_from desc, v2.version_no desc fetch first 1 rows only)";

	private static final String POSTED = "exists (select 1 from catalog_publication pub where pub.procedure_id = p.id and pub.published_on <= :on)";

	/**
	 * The latest version of a procedure, whatever its date, for comparing an import row
	 * with.
	 */
	record Head(long procedureId, int versionNo, String details) {
	}

	/** A version to insert. */
	record NewVersion(long procedureId, int versionNo, LocalDate effectiveFrom, ProcedureContent content,
			String details) {
	}

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final JsonMapper json = JsonMapper.builder().build();

	CatalogStore(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	String toJson(ProcedureContent content) {
		return this.json.writeValueAsString(content);
	}

	ProcedureContent fromJson(String details) {
		return this.json.readValue(details, ProcedureContent.class);
	}

	// ---------------------------------------------------------------- writes

	Map<String, Head> heads(String unitCode) {
		Map<String, Head> heads = new HashMap<>();
		this.jdbc.sql("select p.code, p.id, v.version_no, v.details from catalog_procedure p"
				+ " join catalog_procedure_version v on v.procedure_id = p.id"
				+ " where p.unit_code = ? and v.version_no = (select max(v2.version_no) from catalog_procedure_version v2 where v2.procedure_id = p.id)")
			.param(unitCode)
			.query(rs -> {
				heads.put(rs.getString(1), new Head(rs.getLong(2), rs.getInt(3), rs.getString(4)));
			});
		return heads;
	}

	long insertProcedure(String unitCode, String code, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("insert into catalog_procedure (unit_code, code, created_at) values (?, ?, ?)")
			.params(unitCode, code, utc(now))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	void insertVersions(List<NewVersion> versions, Instant now) {
		List<Object[]> rows = new ArrayList<>(versions.size());
		for (NewVersion v : versions) {
			ProcedureContent c = v.content();
			rows.add(new Object[] { v.procedureId(), v.versionNo(), v.effectiveFrom(), c.name(),
					VietnameseText.fold(c.name()), c.field(), VietnameseText.fold(c.field()), c.level().name(),
					c.statutoryTime().amount(), c.statutoryTime().unit().name(), c.committedTime().amount(),
					c.committedTime().unit().name(), c.onlineLevel().name(), c.resultDocument(), c.feeTotal(),
					v.details(), utc(now) });
		}
		this.batch.batchUpdate("insert into catalog_procedure_version (procedure_id, version_no, effective_from, name,"
				+ " name_folded, field, field_folded, level, statutory_amount, statutory_unit, committed_amount,"
				+ " committed_unit, online_level, result_document, fee_total, details, created_at)"
				+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
	}

	/** The channels each procedure of the unit is published on, by procedure id. */
	Map<Long, Map<PublicationChannel, LocalDate>> publications(String unitCode) {
		Map<Long, Map<PublicationChannel, LocalDate>> result = new HashMap<>();
		this.jdbc
			.sql("select pub.procedure_id, pub.channel, pub.published_on from catalog_publication pub"
					+ " join catalog_procedure p on p.id = pub.procedure_id where p.unit_code = ?")
			.param(unitCode)
			.query(rs -> {
				result.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(PublicationChannel.class))
					.put(PublicationChannel.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class));
			});
		return result;
	}

	void insertPublications(List<Object[]> rows) {
		this.batch.batchUpdate("insert into catalog_publication (procedure_id, channel, published_on) values (?, ?, ?)",
				rows);
	}

	Optional<Long> procedureId(String unitCode, String code) {
		return this.jdbc.sql("select id from catalog_procedure where unit_code = ? and code = ?")
			.params(unitCode, code)
			.query(Long.class)
			.optional();
	}

	// ---------------------------------------------------------------- reads

	public Page<ProcedureSummary> search(CatalogQuery q) {
		StringBuilder where = new StringBuilder(" where " + IN_FORCE);
		Map<String, Object> params = new HashMap<>();
		params.put("on", q.on());
		if (q.unitCode() != null) {
			where.append(" and p.unit_code = :unit");
			params.put("unit", q.unitCode());
		}
		if (q.field() != null && !q.field().isBlank()) {
			where.append(" and v.field_folded = :field");
			params.put("field", VietnameseText.fold(q.field()));
		}
		if (q.posted() != null) {
			where.append(q.posted() ? " and " : " and not ").append(POSTED);
		}
		String phrase = VietnameseText.fold(q.text()).replaceAll("[%_\\\\]", " ").strip();
		String[] words = phrase.split(" ");
		for (int i = 0; i < words.length; i++) {
			if (!words[i].isBlank()) {
				// a word is found in the folded name or in the code, with or without the
				// code's dots ("1.001193", "1001193", "001193")
				where.append(" and (v.name_folded like :w")
					.append(i)
					.append(" or lower(p.code) like :w")
					.append(i)
					.append(" or replace(p.code, '.', '') like :d")
					.append(i)
					.append(")");
				params.put("w" + i, "%" + words[i] + "%");
				String undotted = words[i].replace(".", "");
				params.put("d" + i, undotted.isEmpty() ? "%" + words[i] + "%" : "%" + undotted + "%");
			}
		}
		// with words, the best matches first: the code itself, then the name that is the
		// words, then names holding them together, shortest first; without, by field
		String order = " order by v.field_folded, v.name_folded, p.code";
		if (!phrase.isEmpty()) {
			params.put("phrase", phrase);
			params.put("phraseAnywhere", "%" + phrase + "%");
			order = " order by case when lower(p.code) = :phrase then 0 when v.name_folded = :phrase then 1"
					+ " when v.name_folded like :phraseAnywhere then 2 else 3 end, length(v.name_folded),"
					+ " v.name_folded, p.code";
		}
		String from = " from catalog_procedure p join catalog_procedure_version v on v.procedure_id = p.id";
		long total = this.jdbc.sql("select count(*)" + from + where).params(params).query(Long.class).single();
		List<ProcedureSummary> items = this.jdbc
			.sql("select p.unit_code, p.code, v.name, v.field, v.version_no, v.effective_from, v.statutory_amount,"
					+ " v.statutory_unit, v.committed_amount, v.committed_unit, v.online_level, v.fee_total, " + POSTED
					+ " as posted" + from + where + order + " offset " + ((long) q.page() * q.size())
					+ " rows fetch next " + q.size() + " rows only")
			.params(params)
			.query(CatalogStore::summary)
			.list();
		return new Page<>(items, q.page(), q.size(), total);
	}

	/**
	 * The unit's procedures in force on the day that can be submitted online, by name.
	 */
	public List<ProcedureSummary> offeredOnline(String unitCode, LocalDate on) {
		return this.jdbc
			.sql("select p.unit_code, p.code, v.name, v.field, v.version_no, v.effective_from, v.statutory_amount,"
					+ " v.statutory_unit, v.committed_amount, v.committed_unit, v.online_level, v.fee_total, " + POSTED
					+ " as posted from catalog_procedure p join catalog_procedure_version v on v.procedure_id = p.id"
					+ " where p.unit_code = :unit and v.online_level <> 'NONE' and " + IN_FORCE
					+ " order by v.name_folded, p.code")
			.param("unit", unitCode)
			.param("on", on)
			.query(CatalogStore::summary)
			.list();
	}

	/**
	 * Each field of the unit's catalog in force on the day, with how many procedures it
	 * has.
	 */
	public Map<String, Integer> fields(String unitCode, LocalDate on) {
		Map<String, Integer> fields = new LinkedHashMap<>();
		this.jdbc.sql(
				"select v.field, count(*) from catalog_procedure p join catalog_procedure_version v on v.procedure_id = p.id"
						+ " where p.unit_code = :unit and " + IN_FORCE
						+ " group by v.field order by count(*) desc, v.field")
			.param("unit", unitCode)
			.param("on", on)
			.query(rs -> {
				fields.put(rs.getString(1), rs.getInt(2));
			});
		return fields;
	}

	public Optional<Procedure> find(String unitCode, String code, LocalDate on) {
		List<Procedure> found = procedures(" and p.code = :code", Map.of("unit", unitCode, "code", code, "on", on));
		return found.stream().findFirst();
	}

	public Optional<Procedure> findVersion(long versionId) {
		return this.jdbc
			.sql("select p.id, p.unit_code, v.id, v.version_no, v.effective_from, v.details from catalog_procedure p"
					+ " join catalog_procedure_version v on v.procedure_id = p.id where v.id = ?")
			.param(versionId)
			.query((rs, n) -> procedure(rs, publicationsOf(rs.getLong(1))))
			.optional();
	}

	/**
	 * All procedures of the unit in the versions in force on the day, ordered by code.
	 */
	public List<Procedure> all(String unitCode, LocalDate on) {
		return procedures("", Map.of("unit", unitCode, "on", on));
	}

	private List<Procedure> procedures(String filter, Map<String, Object> params) {
		Map<Long, List<Publication>> publications = new HashMap<>();
		this.jdbc
			.sql("select pub.procedure_id, pub.channel, pub.published_on from catalog_publication pub"
					+ " join catalog_procedure p on p.id = pub.procedure_id where p.unit_code = :unit"
					+ (filter.isEmpty() ? "" : " and p.code = :code") + " order by pub.channel")
			.params(params)
			.query(rs -> {
				publications.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
					.add(new Publication(PublicationChannel.valueOf(rs.getString(2)),
							rs.getObject(3, LocalDate.class)));
			});
		return this.jdbc
			.sql("select p.id, p.unit_code, v.id, v.version_no, v.effective_from, v.details"
					+ " from catalog_procedure p join catalog_procedure_version v on v.procedure_id = p.id"
					+ " where p.unit_code = :unit" + filter + " and " + IN_FORCE + " order by p.code")
			.params(params)
			.query((rs, n) -> procedure(rs, publications.getOrDefault(rs.getLong(1), List.of())))
			.list();
	}

	private List<Publication> publicationsOf(long procedureId) {
		return this.jdbc
			.sql("select channel, published_on from catalog_publication where procedure_id = ? order by channel")
			.param(procedureId)
			.query((rs, n) -> new Publication(PublicationChannel.valueOf(rs.getString(1)),
					rs.getObject(2, LocalDate.class)))
			.list();
	}

	public List<String> unitsWith(String code, LocalDate on) {
		return this.jdbc
			.sql("select p.unit_code from catalog_procedure p join catalog_procedure_version v on v.procedure_id = p.id"
					+ " where p.code = :code and " + IN_FORCE + " order by p.unit_code")
			.param("code", code)
			.param("on", on)
			.query(String.class)
			.list();
	}

	public List<ProcedureVersion> versions(String unitCode, String code) {
		return this.jdbc.sql("select v.id, v.version_no, v.effective_from, v.created_at from catalog_procedure p"
				+ " join catalog_procedure_version v on v.procedure_id = p.id where p.unit_code = ? and p.code = ? order by v.version_no")
			.params(unitCode, code)
			.query((rs, n) -> new ProcedureVersion(rs.getLong(1), rs.getInt(2), rs.getObject(3, LocalDate.class),
					rs.getObject(4, OffsetDateTime.class).toInstant()))
			.list();
	}

	/**
	 * How many procedures the unit has in force on the day, and how many of them are
	 * posted.
	 */
	/** The counts of several units at once, summed: one query, however many units. */
	public long[] counts(java.util.Collection<String> unitCodes, LocalDate on) {
		if (unitCodes.isEmpty()) {
			return new long[] { 0, 0 };
		}
		return this.jdbc
			.sql("select count(*), coalesce(sum(case when " + POSTED + " then 1 else 0 end), 0)"
					+ " from catalog_procedure p join catalog_procedure_version v on v.procedure_id = p.id"
					+ " where p.unit_code in (:units) and " + IN_FORCE)
			.param("units", unitCodes)
			.param("on", on)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
	}

	public long[] counts(String unitCode, LocalDate on) {
		return this.jdbc
			.sql("select count(*), coalesce(sum(case when " + POSTED + " then 1 else 0 end), 0)"
					+ " from catalog_procedure p join catalog_procedure_version v on v.procedure_id = p.id"
					+ " where p.unit_code = :unit and " + IN_FORCE)
			.param("unit", unitCode)
			.param("on", on)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
	}

	/** How many of the unit's procedures in force on the day have a fee to pay. */
	public long feeProcedures(String unitCode, LocalDate on) {
		return this.jdbc
			.sql("select count(*) from catalog_procedure p join catalog_procedure_version v on v.procedure_id = p.id"
					+ " where p.unit_code = :unit and v.fee_total > 0 and " + IN_FORCE)
			.param("unit", unitCode)
			.param("on", on)
			.query(Long.class)
			.single();
	}

	private Procedure procedure(ResultSet rs, List<Publication> publications) throws SQLException {
		return new Procedure(rs.getLong(3), rs.getString(2), rs.getInt(4), rs.getObject(5, LocalDate.class),
				fromJson(rs.getString(6)), publications);
	}

	private static ProcedureSummary summary(ResultSet rs, int row) throws SQLException {
		return new ProcedureSummary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
				rs.getObject(6, LocalDate.class), new ProcessingTime(rs.getInt(7), PeriodUnit.valueOf(rs.getString(8))),
				new ProcessingTime(rs.getInt(9), PeriodUnit.valueOf(rs.getString(10))),
				OnlineLevel.valueOf(rs.getString(11)), rs.getLong(12), rs.getBoolean(13));
	}

}
