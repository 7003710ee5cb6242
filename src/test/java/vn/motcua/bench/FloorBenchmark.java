package vn.motcua.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

import javax.sql.DataSource;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the machine allows: the same six durable transactions as a lifecycle (a dossier
 * row inserted, then updated five times under its version, each with a history row),
 * written with bare JDBC on the application's schema — no validation, no calendar, no
 * JSON, no events, no Spring. No implementation of the lifecycle that commits each
 * officer's action can be faster than this on the same database and disk.
 */
final class FloorBenchmark {

	// the lifecycle benchmark's warm-up and rounds, so that the two compare
	private static final int WARM_UP = LifecycleBenchmark.WARM_UP;

	private static final int ROUNDS = LifecycleBenchmark.ROUNDS;

	private static final int PER_ROUND = LifecycleBenchmark.PER_ROUND;

	private static final String STEPS = "[" + "{\"number\":1,\"name\":\"Tiếp nhận, kiểm tra hồ sơ\",\"role\":"
			+ "\"ONE_STOP_OFFICER\",\"hours\":0.5,\"assignee\":\"quangcu.motcua\",\"startedAt\":"
			+ "\"2025-03-03T01:00:00Z\",\"dueAt\":\"2025-03-03T01:30:00Z\",\"completedAt\":null,"
			+ "\"completedBy\":null,\"verdict\":null},".repeat(3)
			+ "{\"number\":4,\"name\":\"Trả kết quả\",\"role\":\"ONE_STOP_OFFICER\",\"hours\":0.5}]";

	private final DataSource dataSource;

	private final long versionId;

	private int next;

	private FloorBenchmark(DataSource dataSource) throws SQLException {
		this.dataSource = dataSource;
		try (Connection c = dataSource.getConnection();
				ResultSet rs = c.createStatement().executeQuery("select min(id) from catalog_procedure_version")) {
			rs.next();
			this.versionId = rs.getLong(1);
		}
	}

	static void run(String db) throws Exception {
		try (ConfigurableApplicationContext context = BenchApplication.start(db, true)) {
			FloorBenchmark bench = new FloorBenchmark(context.getBean(DataSource.class));
			for (int i = 0; i < WARM_UP; i++) {
				bench.lifecycle();
			}
			double[] rates = new double[ROUNDS];
			for (int r = 0; r < ROUNDS; r++) {
				long start = System.nanoTime();
				for (int i = 0; i < PER_ROUND; i++) {
					bench.lifecycle();
				}
				rates[r] = PER_ROUND / ((System.nanoTime() - start) / 1e9);
				System.out.printf("round %d on %s: %.0f bare lifecycles/s%n", r + 1, db, rates[r]);
			}
			System.out.printf("bare JDBC lifecycles (6 transactions) on %s: %.0f/s (median of %d rounds of %d)%n", db,
					Benchmarks.median(rates), ROUNDS, PER_ROUND);
		}
	}

	private void lifecycle() throws SQLException {
		OffsetDateTime now = OffsetDateTime.now();
		try (Connection c = this.dataSource.getConnection()) {
			c.setAutoCommit(false);
			long id;
			try (PreparedStatement insert = c.prepareStatement("insert into dossier (code, unit_code, procedure_code,"
					+ " procedure_name, procedure_version_id, committed_amount, committed_unit, same_day_cutoff, channel,"
					+ " applicant_name, applicant_id_number, status, received_at, original_due_at, due_at,"
					+ " supplement_requests, apologies, forced_late, current_step, current_assignee, in_progress,"
					+ " overdue_from, supplement_mode, steps, components, version) values (?, 'H56.15.40', '1.001',"
					+ " 'Đăng ký khai sinh', ?, 3, 'WORKING_DAYS', '15:00', 'COUNTER', 'Nguyễn Văn A', '001099000001',"
					+ " 'RECEIVED', ?, ?, ?, 0, 0, false, 1, null, true, ?, 'PAUSE_ADDED', ?, '[]', 0)",
					new String[] { "id" })) {
				insert.setString(1, "FLOOR-" + (++this.next));
				insert.setLong(2, this.versionId);
				insert.setObject(3, now);
				insert.setObject(4, now);
				insert.setObject(5, now);
				insert.setObject(6, now);
				insert.setString(7, STEPS);
				insert.executeUpdate();
				try (ResultSet keys = insert.getGeneratedKeys()) {
					keys.next();
					id = keys.getLong(1);
				}
			}
			history(c, id, now, "RECEIVE");
			c.commit();
			String[] assignees = { "quangcu.chuyenvien", "quangcu.lanhdao", null, null, null };
			for (int v = 0; v < 5; v++) {
				try (PreparedStatement update = c.prepareStatement("update dossier set status = ?,"
						+ " current_assignee = ?, steps = ?, version = version + 1 where id = ? and version = ?")) {
					update.setString(1, "IN_PROCESSING");
					update.setString(2, assignees[v]);
					update.setString(3, STEPS);
					update.setLong(4, id);
					update.setInt(5, v);
					if (update.executeUpdate() != 1) {
						throw new IllegalStateException("lost update");
					}
				}
				history(c, id, now, "ACT");
				c.commit();
			}
		}
	}

	private static void history(Connection c, long id, OffsetDateTime at, String action) throws SQLException {
		try (PreparedStatement insert = c.prepareStatement("insert into dossier_history (dossier_id, at, actor,"
				+ " action, from_status, to_status, note) values (?, ?, 'quangcu.motcua', ?, null, 'RECEIVED', null)")) {
			insert.setLong(1, id);
			insert.setObject(2, at);
			insert.setString(3, action);
			insert.executeUpdate();
		}
	}

}
