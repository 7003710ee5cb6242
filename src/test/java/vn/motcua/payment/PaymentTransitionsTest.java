package vn.motcua.payment;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.payment.PaymentStatus.CREATED;
import static vn.motcua.payment.PaymentStatus.EXPIRED;
import static vn.motcua.payment.PaymentStatus.FAILED;
import static vn.motcua.payment.PaymentStatus.PAID;
import static vn.motcua.payment.PaymentStatus.PENDING;
import static vn.motcua.payment.PaymentStatus.REFUNDED;

/** The status graph of payment orders, pair by pair (6 × 6). */
class PaymentTransitionsTest {

	/** The expected moves, written out apart from the table under test. */
	private static final Set<String> EXPECTED = Set.of("CREATED>PENDING", "CREATED>PAID", "CREATED>FAILED",
			"CREATED>EXPIRED", "PENDING>PAID", "PENDING>FAILED", "PENDING>EXPIRED", "PAID>REFUNDED");

	@Test
	void everyPairOfStatusesIsAllowedOrRefusedAsExpected() {
		int pairs = 0;
		for (PaymentStatus from : PaymentStatus.values()) {
			for (PaymentStatus to : PaymentStatus.values()) {
				pairs++;
				assertThat(PaymentTransitions.allowed(from, to)).as(from + " → " + to)
					.isEqualTo(EXPECTED.contains(from + ">" + to));
			}
		}
		assertThat(pairs).isEqualTo(36);
	}

	@Test
	void noStatusMovesToItself() {
		for (PaymentStatus s : PaymentStatus.values()) {
			assertThat(PaymentTransitions.allowed(s, s)).as(s.name()).isFalse();
		}
	}

	@Test
	void failedExpiredAndRefundedAreFinal() {
		assertThat(PaymentStatus.values()).filteredOn(PaymentTransitions::isFinal)
			.containsExactlyInAnyOrder(FAILED, EXPIRED, REFUNDED);
	}

	@Test
	void onlyPaidIsLeftForRefundedAndNothingReturnsToPending() {
		assertThat(PaymentTransitions.from(PAID)).containsExactly(REFUNDED);
		for (PaymentStatus s : PaymentStatus.values()) {
			assertThat(PaymentTransitions.allowed(s, PENDING)).isEqualTo(s == CREATED);
			assertThat(PaymentTransitions.allowed(s, CREATED)).isFalse();
		}
	}

	@Test
	void liveOrdersHoldTheDossier() {
		assertThat(PaymentStatus.values()).filteredOn(PaymentTransitions::live)
			.containsExactlyInAnyOrder(CREATED, PENDING, PAID);
	}

}
