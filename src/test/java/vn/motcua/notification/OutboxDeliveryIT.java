package vn.motcua.notification;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;

import vn.motcua.it.IntegrationTest;
import vn.motcua.shared.Database;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.shared.Sql.utc;

/**
 * The outbox delivered by several instances at once (ADR 26): two {@code Notifications}
 * over one database, each delivering from two threads, send each of 150 messages exactly
 * once; a claim left by a crashed instance expires, and one still running is left alone.
 */
@IntegrationTest
class OutboxDeliveryIT {

	private static final int MESSAGES = 150;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Database database;

	@Autowired
	Clock clock;

	@Autowired
	Notifications notifications;

	/** A gateway that counts what it sent, per phone, a little slowly as real ones do. */
	static final class CountingGateway implements SmsGateway {

		final Map<String, AtomicInteger> sent = new ConcurrentHashMap<>();

		@Override
		public void send(String phone, String text) {
			this.sent.computeIfAbsent(phone, p -> new AtomicInteger()).incrementAndGet();
			try {
				Thread.sleep(1);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

	private Notifications instance(SmsGateway gateway) {
		ObjectProvider<JavaMailSender> noMail = new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class);
		ObjectProvider<SmsGateway> sms = new StaticListableBeanFactory(Map.of("sms", gateway))
			.getBeanProvider(SmsGateway.class);
		return new Notifications(this.jdbc, this.database, this.clock, noMail, sms, "motcua@localhost",
				Duration.ofMinutes(2));
	}

	private int pending(String prefix) {
		return this.jdbc
			.sql("select count(*) from notification_outbox where recipient like ? and sent_at is null and attempts < 5")
			.param(prefix + "%")
			.query(Integer.class)
			.single();
	}

	@Test
	void twoInstancesDeliveringAtOnceSendEachMessageOnce() throws Exception {
		String prefix = "09" + UUID.randomUUID().toString().substring(0, 6);
		List<String> phones = new ArrayList<>();
		for (int i = 0; i < MESSAGES; i++) {
			String phone = prefix + String.format("%04d", i);
			phones.add(phone);
			this.notifications.sms("test:" + phone, phone, "Tin nhắn " + i);
		}
		CountingGateway gateway = new CountingGateway();
		Notifications a = instance(gateway);
		Notifications b = instance(gateway);
		int threads = 4;
		CyclicBarrier start = new CyclicBarrier(threads);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> rounds = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				Notifications instance = t % 2 == 0 ? a : b;
				rounds.add(pool.submit(() -> {
					start.await();
					for (int round = 0; round < 50 && pending(prefix) > 0; round++) {
						instance.deliver();
					}
					return null;
				}));
			}
			for (Future<?> round : rounds) {
				round.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(pending(prefix)).isZero();
		assertThat(phones).allSatisfy(phone -> assertThat(gateway.sent.get(phone)).as(phone).hasValue(1));
		assertThat(this.jdbc.sql("select count(*) from notification_outbox where recipient like ? and attempts = 1")
			.param(prefix + "%")
			.query(Integer.class)
			.single()).isEqualTo(MESSAGES);
	}

	@Test
	void aClaimLeftByACrashedInstanceExpiresAndARunningOneIsLeftAlone() {
		String prefix = "08" + UUID.randomUUID().toString().substring(0, 6);
		String crashed = prefix + "0001";
		String running = prefix + "0002";
		this.notifications.sms("test:" + crashed, crashed, "Tin nhắn của máy đã tắt");
		this.notifications.sms("test:" + running, running, "Tin nhắn đang gửi");
		this.jdbc.sql("update notification_outbox set claimed_until = ? where recipient = ?")
			.params(utc(this.clock.instant().minusSeconds(1)), crashed)
			.update();
		this.jdbc.sql("update notification_outbox set claimed_until = ? where recipient = ?")
			.params(utc(this.clock.instant().plusSeconds(60)), running)
			.update();
		CountingGateway gateway = new CountingGateway();
		instance(gateway).deliver();
		assertThat(gateway.sent.get(crashed)).hasValue(1);
		assertThat(gateway.sent.get(running)).isNull();
	}

}
