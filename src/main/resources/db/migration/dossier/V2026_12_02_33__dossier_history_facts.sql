-- What an event of the history recorded beside the officer's note, as a JSON document of facts (assignee,
-- step, due times, channels…; see HistoryFacts) instead of English words inside the note. Read and written
-- with the history, never searched. The next version (HistoryNotesToFacts, Java) turns the notes written
-- before into facts.
alter table dossier_history add column facts varchar(4000);
