package vn.motcua.it;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event whose listener fails stays in the registry, incomplete, and is delivered again
 * on resubmission (as on restart): the reporting fact is then written once.
 */
@IntegrationTest
class EventRedeliveryIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IncompleteEventPublications incomplete;

	@Test
	void aFailedDeliveryIsKeptAndDeliveredAgain() throws Exception {
		String code;
		// the reporting table is away: the listener of DossierReceived fails
		this.jdbc.sql("alter table report_dossier rename to report_dossier_away").update();
		try {
			code = new Api(this.mvc).receiveBirth();
			awaitTrue(() -> publications(code, "FAILED") == 1);
		}
		finally {
			this.jdbc.sql("alter table report_dossier_away rename to report_dossier").update();
		}
		assertThat(facts(code)).isZero();

		this.incomplete.resubmitIncompletePublications(p -> p.getEvent().toString().contains(code));
		awaitTrue(() -> facts(code) == 1 && publications(code, null) == 0);

		// once more changes nothing: the publication is gone and the fact is written once
		this.incomplete.resubmitIncompletePublications(p -> p.getEvent().toString().contains(code));
		assertThat(facts(code)).isOne();
	}

	private long facts(String code) {
		return this.jdbc.sql("select count(*) from report_dossier where code = ?")
			.param(code)
			.query(Long.class)
			.single();
	}

	private long publications(String code, String status) {
		return this.jdbc
			.sql("select count(*) from event_publication where serialized_event like ?"
					+ (status == null ? "" : " and status = '" + status + "'"))
			.param("%" + code + "%")
			.query(Long.class)
			.single();
	}

	private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
			Thread.sleep(50);
		}
	}

}
