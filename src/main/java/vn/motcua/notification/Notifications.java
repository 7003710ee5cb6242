package vn.motcua.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.shared.Database;

import static vn.motcua.shared.Sql.instant;
import static vn.motcua.shared.Sql.utc;

/**
 * The outbox of messages to citizens and officers (ADR 16). A message is written in the
 * caller's transaction; a delivery round every few seconds sends what is pending, at most
 * five attempts each: e-mails through SMTP ({@code spring.mail.host}), text messages
 * through the ward's {@link SmsGateway}. Without SMTP or a gateway the messages wait in
 * the outbox (the demo shows them on a page). A message with a key is written once,
 * however often it is asked for: what an event redelivered, or a sweep on several
 * instances, asks again changes nothing. Several instances deliver at once: each message
 * is claimed before it is sent, so that it is sent by one of them (ADR 26).
 */
@Service
public class Notifications {

	static final int MAX_ATTEMPTS = 5;

	/** The columns' lengths; longer texts are cut to fit. */
	static final int MAX_RECIPIENT = 200;

	static final int MAX_SUBJECT = 300;

	static final int MAX_BODY = 4000;

	static final int MAX_KEY = 200;

	/** The channels, as stored in {@code notification_outbox.channel}. */
	public static final String EMAIL = "EMAIL";

	public static final String SMS = "SMS";

	private static final Logger log = LoggerFactory.getLogger(Notifications.class);

	private static final String COLUMNS = "id, channel, recipient, subject, body, created_at, sent_at, attempts,"
			+ " last_error";

	private final JdbcClient jdbc;

	private final Database database;

	private final Clock clock;

	private final ObjectProvider<JavaMailSender> mail;

	private final ObjectProvider<SmsGateway> sms;

	private final String from;

	private final Duration claim;

	Notifications(JdbcClient jdbc, Database database, Clock clock, ObjectProvider<JavaMailSender> mail,
			ObjectProvider<SmsGateway> sms, @Value("${motcua.mail.from:motcua@localhost}") String from,
			@Value("${motcua.mail.claim:PT2M}") Duration claim) {
		if (claim.toSeconds() < 1) {
			throw new IllegalArgumentException("motcua.mail.claim must be at least a second");
		}
		this.claim = claim;
		this.jdbc = jdbc;
		this.database = database;
		this.clock = clock;
		this.mail = mail;
		this.sms = sms;
		this.from = from;
	}

	/** Puts an e-mail in the outbox, in the caller's transaction. */
	@Transactional
	public void email(String to, String subject, String body) {
		write(null, EMAIL, to, subject, body);
	}

	/**
	 * Puts an e-mail in the outbox, in the caller's transaction, unless a message with
	 * the key was written already.
	 * @return whether it was written now
	 */
	@Transactional
	public boolean email(String key, String to, String subject, String body) {
		return write(requireKey(key), EMAIL, to, subject, body);
	}

	/**
	 * Puts a text message in the outbox, in the caller's transaction, unless a message
	 * with the key was written already. It is sent once a {@link SmsGateway} is
	 * configured.
	 * @return whether it was written now
	 */
	@Transactional
	public boolean sms(String key, String phone, String text) {
		return write(requireKey(key), SMS, phone, "SMS", text);
	}

	private static String requireKey(String key) {
		if (key == null || key.isBlank() || key.length() > MAX_KEY) {
			throw new IllegalArgumentException("a message key of 1 to " + MAX_KEY + " characters: " + key);
		}
		return key;
	}

	private boolean write(String key, String channel, String to, String subject, String body) {
		if (to == null || to.isBlank() || to.strip().length() > MAX_RECIPIENT) {
			throw new IllegalArgumentException("no recipient, or one longer than " + MAX_RECIPIENT + " characters");
		}
		Object[] values = { channel, to.strip(), cut(subject, MAX_SUBJECT), cut(body, MAX_BODY),
				utc(this.clock.instant()), key };
		if (key == null) {
			return this.jdbc
				.sql("insert into notification_outbox (channel, recipient, subject, body, created_at, attempts,"
						+ " dedup_key) values (?, ?, ?, ?, ?, 0, ?)")
				.params(values)
				.update() == 1;
		}
		if (this.database.postgres()) {
			// a clash with a concurrent writer of the same key is no error, and leaves
			// the
			// caller's transaction usable
			return this.jdbc
				.sql("insert into notification_outbox (channel, recipient, subject, body, created_at, attempts,"
						+ " dedup_key) values (?, ?, ?, ?, ?, 0, ?) on conflict (dedup_key) do nothing")
				.params(values)
				.update() == 1;
		}
		try {
			return this.jdbc
				.sql("insert into notification_outbox (channel, recipient, subject, body, created_at, attempts,"
						+ " dedup_key) select ?, ?, ?, ?, ?, 0, ? where not exists"
						+ " (select 1 from notification_outbox where dedup_key = ?)")
				.params(values[0], values[1], values[2], values[3], values[4], values[5], key)
				.update() == 1;
		}
		catch (DuplicateKeyException ex) {
			// H2: a concurrent writer of the same key committed first; the statement
			// failed alone, the transaction goes on
			return false;
		}
	}

	private static String cut(String text, int max) {
		String t = text == null ? "" : text;
		return t.length() <= max ? t : t.substring(0, max - 1) + "…";
	}

	/** The latest messages, newest first. */
	@Transactional(readOnly = true)
	public List<Message> latest(int count) {
		return this.jdbc
			.sql("select " + COLUMNS + " from notification_outbox order by id desc fetch first " + count + " rows only")
			.query((rs, n) -> new Message(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), instant(rs, 6), instant(rs, 7), rs.getInt(8), rs.getString(9)))
			.list();
	}

	/** Sends pending messages through SMTP and the SMS gateway, where there are. */
	@Scheduled(fixedDelayString = "${motcua.mail.every:PT5S}")
	public void deliver() {
		JavaMailSender sender = this.mail.getIfAvailable();
		if (sender != null) {
			deliver(EMAIL, m -> {
				SimpleMailMessage message = new SimpleMailMessage();
				message.setFrom(this.from);
				message.setTo(m.recipient());
				message.setSubject(m.subject());
				message.setText(m.body());
				sender.send(message);
			});
		}
		SmsGateway gateway = this.sms.getIfAvailable();
		if (gateway != null) {
			deliver(SMS, m -> gateway.send(m.recipient(), m.body()));
		}
	}

	/**
	 * Sends the channel's pending messages, each only after claiming it: one conditional
	 * update that sets {@code claimed_until} where no live claim is, so that of several
	 * instances (or threads) that read the same pending message, one sends it. A claim
	 * left by a crashed instance expires after {@code motcua.mail.claim} (2 minutes); a
	 * message sent just before a crash, and not yet marked, is then sent again (at least
	 * once, ADR 26).
	 */
	private void deliver(String channel, java.util.function.Consumer<Message> send) {
		List<Message> pending = this.jdbc
			.sql("select " + COLUMNS + " from notification_outbox where sent_at is null and channel = ?"
					+ " and attempts < ? and (claimed_until is null or claimed_until <= ?)"
					+ " order by id fetch first 50 rows only")
			.params(channel, MAX_ATTEMPTS, utc(this.clock.instant()))
			.query((rs, n) -> new Message(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), instant(rs, 6), null, rs.getInt(8), rs.getString(9)))
			.list();
		for (Message m : pending) {
			Instant now = this.clock.instant();
			int claimed = this.jdbc
				.sql("update notification_outbox set claimed_until = ? where id = ? and sent_at is null"
						+ " and attempts < ? and (claimed_until is null or claimed_until <= ?)")
				.params(utc(now.plus(this.claim)), m.id(), MAX_ATTEMPTS, utc(now))
				.update();
			if (claimed == 0) {
				// another instance claimed (or sent) it since it was read
				continue;
			}
			try {
				send.accept(m);
				this.jdbc
					.sql("update notification_outbox set sent_at = ?, attempts = attempts + 1, claimed_until = null"
							+ " where id = ?")
					.params(utc(this.clock.instant()), m.id())
					.update();
			}
			catch (RuntimeException ex) {
				log.warn("Could not send message {} by {} to {}: {}", m.id(), channel, m.recipient(), ex.getMessage());
				String error = String.valueOf(ex.getMessage());
				this.jdbc
					.sql("update notification_outbox set attempts = attempts + 1, last_error = ?, claimed_until = null"
							+ " where id = ?")
					.params(error.substring(0, Math.min(1000, error.length())), m.id())
					.update();
			}
		}
	}

}
