package vn.motcua.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.motcua.shared.Database;

import static vn.motcua.shared.Sql.instant;
import static vn.motcua.shared.Sql.utc;

/**
 * The payment orders' table. Every change of status is one conditional update on the
 * status it leaves, checked against {@link PaymentTransitions} first, so that of
 * concurrent callers exactly one moves the order.
 */
@Repository
class PaymentOrders {

	static final String COLUMNS = "id, reference, dossier_code, unit_code, procedure_code, amount, currency, method,"
			+ " gateway, status, created_at, expires_at, paid_at, gateway_transaction_no, receipt_number, recorded_by,"
			+ " refunded_at, refunded_by, refund_reason, idempotency_key, dossier_closed";

	/** An order with the key of the request that made it. */
	record Row(Payment payment, String idempotencyKey) {
	}

	private final JdbcClient jdbc;

	private final Database database;

	PaymentOrders(JdbcClient jdbc, Database database) {
		this.jdbc = jdbc;
		this.database = database;
	}

	static Payment payment(ResultSet rs) throws SQLException {
		return new Payment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getLong(6), rs.getString(7), PaymentMethod.valueOf(rs.getString(8)), rs.getString(9),
				PaymentStatus.valueOf(rs.getString(10)), instant(rs, 11), instant(rs, 12), instant(rs, 13),
				rs.getString(14), rs.getString(15), rs.getString(16), instant(rs, 17), rs.getString(18),
				rs.getString(19), rs.getBoolean(21));
	}

	Optional<Payment> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from payment_order where id = ?")
			.param(id)
			.query((rs, n) -> payment(rs))
			.optional();
	}

	Optional<Payment> findByReference(String reference) {
		return this.jdbc.sql("select " + COLUMNS + " from payment_order where reference = ?")
			.param(reference)
			.query((rs, n) -> payment(rs))
			.optional();
	}

	Optional<Row> findByKey(String key) {
		return this.jdbc.sql("select " + COLUMNS + " from payment_order where idempotency_key = ?")
			.param(key)
			.query((rs, n) -> new Row(payment(rs), rs.getString(20)))
			.optional();
	}

	/** The dossier's live order (created, pending or paid), if any. */
	Optional<Payment> live(String dossierCode) {
		return this.jdbc.sql("select " + COLUMNS + " from payment_order where live_dossier = ?")
			.param(dossierCode)
			.query((rs, n) -> payment(rs))
			.optional();
	}

	List<Payment> ofDossier(String dossierCode) {
		return this.jdbc.sql("select " + COLUMNS + " from payment_order where dossier_code = ? order by id")
			.param(dossierCode)
			.query((rs, n) -> payment(rs))
			.list();
	}

	List<Payment> list(String unitCode, Instant from, Instant to, PaymentStatus status, int max) {
		return this.jdbc
			.sql("select " + COLUMNS + " from payment_order where unit_code = ? and created_at >= ? and created_at < ?"
					+ (status == null ? "" : " and status = '" + status.name() + "'") + " order by id desc fetch first "
					+ max + " rows only")
			.params(unitCode, utc(from), utc(to))
			.query((rs, n) -> payment(rs))
			.list();
	}

	/**
	 * Inserts a new live order, unless the key or the dossier's live order clashes with
	 * one written before (or concurrently).
	 * @return the new order's id, or empty on a clash
	 */
	Optional<Long> insert(String reference, FeeOrder fee, PaymentMethod method, String gateway, Instant createdAt,
			Instant expiresAt, String idempotencyKey, String payerIp) {
		String sql = "insert into payment_order (reference, dossier_code, unit_code, procedure_code, amount, currency,"
				+ " method, gateway, status, created_at, expires_at, idempotency_key, payer_ip, live_dossier)"
				+ " values (?, ?, ?, ?, ?, 'VND', ?, ?, 'CREATED', ?, ?, ?, ?, ?)";
		Object[] values = { reference, fee.dossierCode(), fee.unitCode(), fee.procedureCode(), fee.amount(),
				method.name(), gateway, utc(createdAt), utc(expiresAt), idempotencyKey, payerIp, fee.dossierCode() };
		int inserted;
		if (this.database.postgres()) {
			// a clash leaves the caller's transaction usable
			inserted = this.jdbc.sql(sql + " on conflict do nothing").params(values).update();
		}
		else {
			try {
				inserted = this.jdbc.sql(sql).params(values).update();
			}
			catch (DuplicateKeyException ex) {
				// H2: the statement failed alone, the transaction goes on
				inserted = 0;
			}
		}
		if (inserted == 0) {
			return Optional.empty();
		}
		return Optional.of(this.jdbc.sql("select id from payment_order where reference = ?")
			.param(reference)
			.query(Long.class)
			.single());
	}

	/**
	 * Moves the order from one status to another, if it is still in the first.
	 * @return whether this call moved it
	 */
	boolean move(long id, PaymentStatus from, PaymentStatus to, String extraSet, Object... extra) {
		if (!PaymentTransitions.allowed(from, to)) {
			throw new IllegalStateException("no move from " + from + " to " + to);
		}
		String live = PaymentTransitions.live(to) ? "" : ", live_dossier = null";
		Object[] params = new Object[extra.length + 2];
		System.arraycopy(extra, 0, params, 0, extra.length);
		params[extra.length] = id;
		params[extra.length + 1] = from.name();
		return this.jdbc
			.sql("update payment_order set status = '" + to.name() + "'" + live
					+ (extraSet.isEmpty() ? "" : ", " + extraSet) + " where id = ? and status = ?")
			.params(params)
			.update() == 1;
	}

	/** What a new order is for. */
	record FeeOrder(String dossierCode, String unitCode, String procedureCode, long amount) {
	}

}
