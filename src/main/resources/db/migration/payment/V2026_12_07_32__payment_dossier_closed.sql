-- An online payment confirmed by a verified IPN after its dossier was closed (withdrawn, stopped) between the
-- start and the IPN: the money was taken, so the order is PAID, but the dossier could not take it; the finance
-- officer sees it flagged, to refund it (ADR 36).
alter table payment_order add column dossier_closed boolean default false not null;
