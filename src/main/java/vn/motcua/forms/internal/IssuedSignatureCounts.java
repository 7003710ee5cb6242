package vn.motcua.forms.internal;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.calendar.core.WorkingCalendar;
import vn.motcua.document.SignedDocuments;

import static vn.motcua.shared.Sql.utc;

/**
 * The documents the units issued in a period, and those signed (issue 12, item 6): every
 * form, and the result given to the applicant of each dossier; a result's draft, or a
 * result signed again after a send-back and not given, is not issued. A document counts
 * as signed when it was kept with the signature it was issued with (the unit's seal, the
 * leader's key): it is signed here, by the server's own keys, and validates when it is
 * made; a later revocation of a key is not followed here.
 */
@Component
class IssuedSignatureCounts implements SignedDocuments {

	private static final int CHUNK = 500;

	private final JdbcClient jdbc;

	IssuedSignatureCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public Count count(List<String> unitCodes, LocalDate from, LocalDate to) {
		long issued = 0;
		long signed = 0;
		// a province has thousands of units: a bounded list of parameters per query
		for (int i = 0; i < unitCodes.size(); i += CHUNK) {
			Count part = chunk(unitCodes.subList(i, Math.min(unitCodes.size(), i + CHUNK)), from, to);
			issued += part.issued();
			signed += part.signedValid();
		}
		return new Count(issued, signed);
	}

	private Count chunk(List<String> unitCodes, LocalDate from, LocalDate to) {
		return this.jdbc
			.sql("select count(*), count(signed_by) from issued_document where unit_code in (:units)"
					+ " and issued_at >= :from and issued_at < :to" + " and (kind <> 'RESULT' or for_citizen = :given)")
			.param("units", unitCodes)
			.param("from", utc(from.atStartOfDay(WorkingCalendar.ZONE).toInstant()))
			.param("to", utc(to.plusDays(1).atStartOfDay(WorkingCalendar.ZONE).toInstant()))
			.param("given", true)
			.query((rs, n) -> new Count(rs.getLong(1), rs.getLong(2)))
			.single();
	}

}
