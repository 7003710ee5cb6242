-- The outbox delivered by several instances at once (ADR 26): an instance claims a message before it sends
-- it, by one conditional update that sets claimed_until (now + a couple of minutes) where no live claim is;
-- only the instance whose update changed the row sends it. A claim left by an instance that crashed
-- mid-send expires, and the message is sent on a later round.
alter table notification_outbox add column claimed_until timestamp with time zone;
