package vn.motcua.notification;

import java.time.Instant;

/** A message in the outbox; {@code sentAt} is null until delivered. */
public record Message(long id, String channel, String recipient, String subject, String body, Instant createdAt,
		Instant sentAt, int attempts, String lastError) {
}
