package vn.motcua.notification;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static vn.motcua.shared.Sql.utc;

/**
 * The outbox of messages to citizens. {@link #email} writes a message in the caller's
 * transaction; a delivery round every few seconds sends what is pending through SMTP
 * ({@code spring.mail.host}), at most five attempts each. Without SMTP the messages wait
 * in the outbox (the demo shows them on a page).
 */
@Service
public class Notifications {

	static final int MAX_ATTEMPTS = 5;

	private static final Logger log = LoggerFactory.getLogger(Notifications.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ObjectProvider<JavaMailSender> mail;

	private final String from;

	Notifications(JdbcClient jdbc, Clock clock, ObjectProvider<JavaMailSender> mail,
			@Value("${motcua.mail.from:motcua@localhost}") String from) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.mail = mail;
		this.from = from;
	}

	/** Puts an e-mail in the outbox, in the caller's transaction. */
	@Transactional
	public void email(String to, String subject, String body) {
		this.jdbc
			.sql("insert into notification_outbox (channel, recipient, subject, body, created_at, attempts)"
					+ " values ('EMAIL', ?, ?, ?, ?, 0)")
			.params(to, subject, body, utc(this.clock.instant()))
			.update();
	}

	/** The latest messages, newest first. */
	@Transactional(readOnly = true)
	public List<Message> latest(int count) {
		return this.jdbc
			.sql("select id, channel, recipient, subject, body, created_at, sent_at, attempts, last_error"
					+ " from notification_outbox order by id desc fetch first " + count + " rows only")
			.query((rs, n) -> new Message(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant(),
					rs.getObject(7, OffsetDateTime.class) == null ? null
							: rs.getObject(7, OffsetDateTime.class).toInstant(),
					rs.getInt(8), rs.getString(9)))
			.list();
	}

	/** Sends pending e-mails through SMTP, if there is SMTP. */
	@Scheduled(fixedDelayString = "${motcua.mail.every:PT5S}")
	public void deliver() {
		JavaMailSender sender = this.mail.getIfAvailable();
		if (sender == null) {
			return;
		}
		List<Message> pending = this.jdbc
			.sql("select id, channel, recipient, subject, body, created_at, sent_at,"
					+ " attempts, last_error from notification_outbox where sent_at is null and channel = 'EMAIL'"
					+ " and attempts < ? order by id fetch first 50 rows only")
			.param(MAX_ATTEMPTS)
			.query((rs, n) -> new Message(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant(), null, rs.getInt(8),
					rs.getString(9)))
			.list();
		for (Message m : pending) {
			try {
				SimpleMailMessage message = new SimpleMailMessage();
				message.setFrom(this.from);
				message.setTo(m.recipient());
				message.setSubject(m.subject());
				message.setText(m.body());
				sender.send(message);
				this.jdbc.sql("update notification_outbox set sent_at = ?, attempts = attempts + 1 where id = ?")
					.params(utc(this.clock.instant()), m.id())
					.update();
			}
			catch (RuntimeException ex) {
				log.warn("Could not send message {} to {}: {}", m.id(), m.recipient(), ex.getMessage());
				String error = String.valueOf(ex.getMessage());
				this.jdbc.sql("update notification_outbox set attempts = attempts + 1, last_error = ? where id = ?")
					.params(error.substring(0, Math.min(1000, error.length())), m.id())
					.update();
			}
		}
	}

}
