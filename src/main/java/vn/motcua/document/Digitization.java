package vn.motcua.document;

import java.time.LocalDate;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.dossier.DossierReceived;
import vn.motcua.dossier.ReturnChannel;
import vn.motcua.dossier.ResultReturned;

/**
 * The rates of digitization and reuse (ADR 32), counted exactly from the files' records
 * and from one row per dossier received ({@code document_dossier}), which the dossier
 * module's events fill: how many components it came with, when and how its result was
 * returned. The listeners are idempotent: an event delivered again changes nothing.
 */
@Service
public class Digitization {

	private static final java.time.ZoneId VIETNAM = java.time.ZoneId.of("Asia/Ho_Chi_Minh");

	private static final int CHUNK = 500;

	private final JdbcClient jdbc;

	private final ObjectProvider<SignedDocuments> signed;

	Digitization(JdbcClient jdbc, ObjectProvider<SignedDocuments> signed) {
		this.jdbc = jdbc;
		this.signed = signed;
	}

	@ApplicationModuleListener
	void on(DossierReceived event) {
		int known = this.jdbc.sql("select count(*) from document_dossier where dossier_code = ?")
			.param(event.code())
			.query(Integer.class)
			.single();
		if (known == 0) {
			this.jdbc
				.sql("insert into document_dossier (dossier_code, unit_code, received_on, components)"
						+ " values (?, ?, ?, ?)")
				.params(event.code(), event.unitCode(), LocalDate.ofInstant(event.receivedAt(), VIETNAM),
						event.components())
				.update();
		}
	}

	@ApplicationModuleListener
	void on(ResultReturned event) {
		this.jdbc.sql("update document_dossier set returned_on = ?, result_electronic = ? where dossier_code = ?")
			.params(LocalDate.ofInstant(event.at(), VIETNAM), event.channel() == ReturnChannel.ELECTRONIC, event.code())
			.update();
	}

	/**
	 * The rates of the units for the period, both ends included; the units are counted by
	 * chunks of {@value #CHUNK}, each dossier in one of them, so that the sums are exact.
	 */
	@Transactional(readOnly = true)
	public DigitizationRates rates(List<String> unitCodes, LocalDate from, LocalDate to) {
		long[] sum = new long[7];
		for (int i = 0; i < unitCodes.size(); i += CHUNK) {
			long[] part = counts(unitCodes.subList(i, Math.min(unitCodes.size(), i + CHUNK)), from, to);
			for (int j = 0; j < sum.length; j++) {
				sum[j] += part[j];
			}
		}
		SignedDocuments hook = this.signed.getIfAvailable();
		return DigitizationRates.of(sum[0], sum[1], sum[2], sum[3], sum[4], sum[5], sum[6],
				hook == null ? null : hook.count(unitCodes, from, to));
	}

	/**
	 * Received, returned, digitized, components, reused (from the store among them), from
	 * the store, electronic results.
	 */
	private long[] counts(List<String> unitCodes, LocalDate from, LocalDate to) {
		long[] received = this.jdbc
			.sql("select count(*), coalesce(sum(components), 0) from document_dossier"
					+ " where unit_code in (:units) and received_on between :from and :to")
			.param("units", unitCodes)
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
		long[] reused = this.jdbc
			.sql("select count(distinct case when f.origin = 'REUSED' then f.dossier_code || '|' || f.component end),"
					+ " count(distinct case when f.origin = 'FROM_STORE' then f.dossier_code || '|' || f.component end)"
					+ " from document_file f join document_dossier d on d.dossier_code = f.dossier_code"
					+ " where f.kind = 'COMPONENT' and d.unit_code in (:units) and d.received_on between :from and :to")
			.param("units", unitCodes)
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
		long[] returned = this.jdbc
			.sql("select count(*), coalesce(sum(case when result_electronic then 1 else 0 end), 0),"
					+ " coalesce(sum(case when exists (select 1 from document_file r where r.dossier_code = d.dossier_code"
					+ " and r.kind = 'RESULT') and (select count(distinct c.component) from document_file c"
					+ " where c.dossier_code = d.dossier_code and c.kind = 'COMPONENT') >= d.components"
					+ " then 1 else 0 end), 0)"
					+ " from document_dossier d where d.unit_code in (:units) and d.returned_on between :from and :to")
			.param("units", unitCodes)
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) })
			.single();
		return new long[] { received[0], returned[0], returned[2], received[1], reused[0] + reused[1], reused[1],
				returned[1] };
	}

}
