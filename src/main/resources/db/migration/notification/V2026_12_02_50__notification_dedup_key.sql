-- Messages caused by events (issue 9, item 8): an event may be delivered twice (the event publication
-- registry delivers at least once), and a sweep may run on several instances at once; each such message
-- carries a key that names what it is about, and a key is written once. Messages without a key (the
-- verification codes) are not deduplicated: NULLs do not clash in a unique index, on H2 and PostgreSQL.
alter table notification_outbox add column dedup_key varchar(200);

create unique index notification_outbox_dedup on notification_outbox (dedup_key);
