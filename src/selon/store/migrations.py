"""The store's schema as numbered migrations, one list shared by SQLite and PostgreSQL.

Each migration is a list of statements written once with `{pk}`, `{int}` and `{blob}` placeholders, which each
backend fills with its own types; full-text search is the one part written per backend (FTS5 tables and
triggers for SQLite, expression GIN indexes for PostgreSQL). A store records the migrations it has run in
`schema_migrations`, so opening an older store brings it up to date and a newer one is refused.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from selon.store import backfill

APPLICATION = "selon"
#: A day's week (its proleptic Gregorian ordinal, 0001-01-01 being 1, divided by 7), as `date.toordinal() // 7`.
SQLITE_WEEK = "CAST(julianday({day}) - 1721424.5 AS INTEGER) / 7"
POSTGRES_WEEK = "(CAST({day} AS DATE) - DATE '0001-01-01' + 1) / 7"


@dataclass(frozen=True)
class Migration:
    version: int
    statements: tuple[str, ...]
    sqlite_only: tuple[str, ...] = ()
    postgresql_only: tuple[str, ...] = ()
    #: Run with the store after the statements, in the same transaction: what needs Python (parsing JSON).
    then: Callable[[Any], None] | None = None

    def for_backend(self, backend: str, types: dict[str, str]) -> list[str]:
        own = self.sqlite_only if backend == "sqlite" else self.postgresql_only
        return [s.format(**types) for s in self.statements] + list(own)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        (
            "CREATE TABLE selon_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
            """CREATE TABLE articles (
                id {pk}, doc_id TEXT NOT NULL UNIQUE, url TEXT, canonical_url TEXT UNIQUE,
                text_hash TEXT NOT NULL UNIQUE, title TEXT, outlet TEXT, published TEXT, lang TEXT NOT NULL,
                text TEXT NOT NULL, syndication_group {int}, minhash {blob}, analysis TEXT NOT NULL,
                input_key TEXT, ingested_at TEXT NOT NULL)""",
            "CREATE INDEX articles_outlet ON articles (outlet)",
            "CREATE INDEX articles_published ON articles (published)",
            "CREATE INDEX articles_group ON articles (syndication_group)",
            """CREATE TABLE speakers (
                id {pk}, kind TEXT NOT NULL, name TEXT NOT NULL, key TEXT NOT NULL, surname TEXT,
                UNIQUE (kind, key))""",
            "CREATE INDEX speakers_surname ON speakers (surname)",
            """CREATE TABLE sources (
                id {pk}, article_id {int} NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
                local_id TEXT NOT NULL, kind TEXT NOT NULL, name TEXT NOT NULL, description TEXT, role TEXT,
                affiliation TEXT, count INTEGER, speaker_id {int} NOT NULL REFERENCES speakers (id),
                UNIQUE (article_id, local_id))""",
            "CREATE INDEX sources_speaker ON sources (speaker_id)",
            """CREATE TABLE attributions (
                id {pk}, article_id {int} NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
                local_id TEXT NOT NULL, type TEXT NOT NULL, stance TEXT NOT NULL, content TEXT NOT NULL,
                content_start INTEGER NOT NULL, content_end INTEGER NOT NULL, cue TEXT, cue_lemma TEXT,
                cue_start INTEGER, cue_end INTEGER, source_id {int} NOT NULL REFERENCES sources (id),
                speaker_id {int} NOT NULL REFERENCES speakers (id), mention TEXT, mention_start INTEGER,
                mention_end INTEGER, confidence REAL NOT NULL, statement_key TEXT NOT NULL)""",
            # Covers the ranking query (group by speaker, count statements and articles) without the table.
            "CREATE INDEX attributions_speaker ON attributions (speaker_id, statement_key, article_id)",
            "CREATE INDEX attributions_article ON attributions (article_id)",
            "CREATE INDEX attributions_stance ON attributions (stance)",
            """CREATE TABLE inputs (
                key TEXT PRIMARY KEY, status TEXT NOT NULL, article_id {int}, at TEXT NOT NULL)""",
            """CREATE TABLE failures (
                key TEXT PRIMARY KEY, name TEXT NOT NULL, code TEXT NOT NULL, reason TEXT NOT NULL,
                payload TEXT, retryable INTEGER NOT NULL, attempts INTEGER NOT NULL, at TEXT NOT NULL)""",
        ),
        sqlite_only=(
            """CREATE VIRTUAL TABLE attributions_fts USING fts5(
                content, content='attributions', content_rowid='id', tokenize='unicode61 remove_diacritics 2')""",
            """CREATE TRIGGER attributions_fts_insert AFTER INSERT ON attributions BEGIN
                INSERT INTO attributions_fts (rowid, content) VALUES (new.id, new.content); END""",
            """CREATE TRIGGER attributions_fts_delete AFTER DELETE ON attributions BEGIN
                INSERT INTO attributions_fts (attributions_fts, rowid, content)
                VALUES ('delete', old.id, old.content); END""",
            """CREATE VIRTUAL TABLE articles_fts USING fts5(
                title, text, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2')""",
            """CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
                INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text); END""",
            """CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
                INSERT INTO articles_fts (articles_fts, rowid, title, text)
                VALUES ('delete', old.id, old.title, old.text); END""",
        ),
        postgresql_only=(
            "CREATE INDEX attributions_fts ON attributions USING gin (to_tsvector('simple', content))",
            """CREATE INDEX articles_fts ON articles
                USING gin (to_tsvector('simple', coalesce(title, '') || ' ' || text))""",
        ),
    ),
    # Per-speaker figures kept up to date by every write (`selon.corpus.counts`), so the unfiltered ranking
    # (`selon sources`) reads its page in index order instead of aggregating every attribution.
    Migration(
        2,
        (
            """CREATE TABLE speaker_counts (
                speaker_id {int} PRIMARY KEY REFERENCES speakers (id) ON DELETE CASCADE, name TEXT NOT NULL,
                kind TEXT NOT NULL, statements INTEGER NOT NULL, attributions INTEGER NOT NULL,
                articles INTEGER NOT NULL)""",
            "CREATE INDEX speaker_counts_rank ON speaker_counts (statements DESC, attributions DESC, name, speaker_id)",
            """CREATE INDEX speaker_counts_kind_rank
                ON speaker_counts (kind, statements DESC, attributions DESC, name, speaker_id)""",
            """CREATE TABLE speaker_outlets (
                speaker_id {int} NOT NULL REFERENCES speakers (id) ON DELETE CASCADE, outlet TEXT NOT NULL,
                attributions INTEGER NOT NULL, PRIMARY KEY (speaker_id, outlet))""",
            # A store made before this migration gets its figures from what it holds.
            """INSERT INTO speaker_counts (speaker_id, name, kind, statements, attributions, articles)
                SELECT sp.id, sp.name, sp.kind, COUNT(DISTINCT a.statement_key), COUNT(*), COUNT(DISTINCT a.article_id)
                FROM attributions a JOIN speakers sp ON sp.id = a.speaker_id GROUP BY sp.id, sp.name, sp.kind""",
            """INSERT INTO speaker_outlets (speaker_id, outlet, attributions)
                SELECT a.speaker_id, ar.outlet, COUNT(*) FROM attributions a JOIN articles ar ON ar.id = a.article_id
                WHERE ar.outlet IS NOT NULL GROUP BY a.speaker_id, ar.outlet""",
        ),
    ),
    # Fetching (`selon.fetch`): every request made (`fetch_log`), each feed's validators for conditional
    # requests (`feeds`), every article URL found with what became of it (`fetch_queue`: a page fetched but not
    # yet stored keeps its body, so a killed watch resumes without fetching it again), and the original HTML of
    # articles ingested with --keep-html (`article_html`).
    Migration(
        3,
        (
            """CREATE TABLE fetch_log (
                id {pk}, url TEXT NOT NULL, status INTEGER, error TEXT, at TEXT NOT NULL, seconds REAL NOT NULL,
                bytes INTEGER NOT NULL)""",
            "CREATE INDEX fetch_log_url ON fetch_log (url)",
            """CREATE TABLE feeds (
                url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, status INTEGER, checked_at TEXT NOT NULL)""",
            """CREATE TABLE fetch_queue (
                url TEXT PRIMARY KEY, origin TEXT, state TEXT NOT NULL, found_at TEXT NOT NULL, fetched_at TEXT,
                final_url TEXT, body TEXT, warnings TEXT)""",
            "CREATE INDEX fetch_queue_state ON fetch_queue (state, found_at)",
            """CREATE TABLE article_html (
                article_id {int} PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE, url TEXT,
                html TEXT NOT NULL, fetched_at TEXT)""",
        ),
    ),
    # Stories (`selon.corpus.stories`): each article's story, and the index of its keys that blocks the
    # comparison of a new article to the few that share a key within the date window. A store made before this
    # migration has its stories built by its next ingest (or `selon stories --rebuild`).
    Migration(
        4,
        (
            """CREATE TABLE story_articles (
                article_id {int} PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE, story_id {int} NOT NULL,
                day TEXT NOT NULL, dated INTEGER NOT NULL, score REAL NOT NULL, weight REAL NOT NULL)""",
            "CREATE INDEX story_articles_story ON story_articles (story_id, day)",
            """CREATE TABLE story_signals (
                signal TEXT NOT NULL, day TEXT NOT NULL,
                article_id {int} NOT NULL REFERENCES articles (id) ON DELETE CASCADE, story_id {int} NOT NULL,
                weight REAL NOT NULL, PRIMARY KEY (signal, article_id))""",
            "CREATE INDEX story_signals_lookup ON story_signals (signal, day)",
            "CREATE INDEX story_signals_article ON story_signals (article_id)",
        ),
    ),
    # Stories look up the latest articles of each key within the window (`selon.corpus.stories`): an index in
    # that order reads a few rows per key instead of every article of the window that has it.
    Migration(
        5,
        (
            "CREATE INDEX story_signals_recent ON story_signals (signal, day, article_id)",
            "DROP INDEX story_signals_lookup",
        ),
    ),

    # Who gets quoted (`selon.corpus.parity`): each source's gender and role category, and each person speaker's
    # gender across the store (`selon.store.traits`), and the two tables the parity figures read
    # (`selon.store.parity_table`). The article's outlet, day and language are copied onto its sources, so
    # those tables are rebuilt from sources and attributions alone (`attributions_source` gives each source's
    # statements from the index).
    Migration(
        6,
        (
            "ALTER TABLE sources ADD COLUMN gender TEXT NOT NULL DEFAULT 'unknown'",
            "ALTER TABLE sources ADD COLUMN role_category TEXT",
            "ALTER TABLE sources ADD COLUMN outlet TEXT",
            "ALTER TABLE sources ADD COLUMN published_day TEXT",
            "ALTER TABLE sources ADD COLUMN lang TEXT",
            "ALTER TABLE speakers ADD COLUMN gender TEXT NOT NULL DEFAULT 'unknown'",
            """UPDATE sources SET
                outlet = (SELECT ar.outlet FROM articles ar WHERE ar.id = sources.article_id),
                published_day = (SELECT substr(ar.published, 1, 10) FROM articles ar WHERE ar.id = sources.article_id),
                lang = (SELECT ar.lang FROM articles ar WHERE ar.id = sources.article_id),
                role_category = CASE WHEN kind = 'person' THEN 'other' END""",
            "CREATE INDEX sources_parity_day ON sources (kind, published_day, outlet, lang)",
            "CREATE INDEX sources_parity_outlet ON sources (kind, outlet, published_day, lang)",
            "CREATE INDEX attributions_source ON attributions (source_id, speaker_id, statement_key)",
            """CREATE TABLE parity_speakers (
                scope INTEGER NOT NULL, outlet TEXT NOT NULL, month TEXT NOT NULL, role TEXT NOT NULL,
                lang TEXT NOT NULL, speaker_id {int} NOT NULL REFERENCES speakers (id) ON DELETE CASCADE,
                gender TEXT NOT NULL, statements INTEGER NOT NULL,
                PRIMARY KEY (scope, outlet, month, role, lang, speaker_id))""",
            "CREATE INDEX parity_speakers_speaker ON parity_speakers (speaker_id)",
            """CREATE TABLE parity_statements (
                attribution_id {int} PRIMARY KEY REFERENCES attributions (id) ON DELETE CASCADE,
                speaker_id {int} NOT NULL REFERENCES speakers (id) ON DELETE CASCADE, gender TEXT NOT NULL,
                outlet TEXT NOT NULL, day TEXT, month TEXT NOT NULL, role TEXT NOT NULL, lang TEXT NOT NULL,
                statement_key TEXT NOT NULL)""",
            # A figure filtered by dates reads its range from this index alone.
            """CREATE INDEX parity_statements_days
                ON parity_statements (day, outlet, lang, role, month, gender, speaker_id, statement_key)""",
            "CREATE INDEX parity_statements_speaker ON parity_statements (speaker_id, statement_key)",
            # Each figure reads its scope's rows from this index alone, in the order of its groups.
            """CREATE INDEX parity_speakers_groups
                ON parity_speakers (scope, outlet, month, role, lang, gender, statements)""",
        ),
        then=backfill.source_traits,
    ),
    # Stories write one story_signals row per key of every article, in the article's transaction: each index on
    # the table is one more B-tree leaf dirtied per key, which is most of what stories add to an ingest. The
    # lookup (signal, day, article_id) becomes the primary key, so the old (signal, article_id) key and its
    # separate index go (an article has one day, so the rows allowed are the same). In SQLite the table is
    # WITHOUT ROWID, clustered on that key: the lookup reads story_id in the same row and there is no rowid
    # table beside it; story_signals_article then holds (article_id, signal, day), enough for the words counted
    # per candidate.
    Migration(
        7,
        (),
        sqlite_only=(
            """CREATE TABLE story_signals_keyed (
                signal TEXT NOT NULL, day TEXT NOT NULL,
                article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE, story_id INTEGER NOT NULL,
                weight REAL NOT NULL, PRIMARY KEY (signal, day, article_id)) WITHOUT ROWID""",
            """INSERT INTO story_signals_keyed (signal, day, article_id, story_id, weight)
                SELECT signal, day, article_id, story_id, weight FROM story_signals""",
            "DROP TABLE story_signals",
            "ALTER TABLE story_signals_keyed RENAME TO story_signals",
            "CREATE INDEX story_signals_article ON story_signals (article_id)",
        ),
        postgresql_only=(
            "ALTER TABLE story_signals DROP CONSTRAINT story_signals_pkey",
            "DROP INDEX story_signals_recent",
            "ALTER TABLE story_signals ADD PRIMARY KEY (signal, day, article_id)",
        ),
    ),
    # Placing an article (`selon.corpus.stories`) wrote one story_signals row per key at random places of an
    # index that outgrows the page cache as the store grows, and had PostgreSQL check a foreign key per row:
    # - The rows are keyed by week first, (week, signal, day, article_id), `week` being the day's proleptic
    #   ordinal // 7 (`selon.corpus.stories.week_of`): a new article's rows land among the other recent ones,
    #   which stay in the cache whatever the store's size, and a lookup within the window reads a range in each
    #   of the (one or two) weeks it spans.
    # - Only names, numbers and quotations have rows: they are what is looked up. An article's words, which
    #   are only counted for the candidates found, move to `story_articles.words` (space-separated, without
    #   their `w:`), read in the same query as the candidate's total: no row of the old table is lost, its
    #   words are folded into their article's row.
    # - No foreign key per row, and no index on article_id: a trigger on story_articles (whose rows still go
    #   with their article) deletes an article's rows from its own day's range.
    Migration(
        8,
        ("ALTER TABLE story_articles ADD COLUMN words TEXT NOT NULL DEFAULT ''",),
        sqlite_only=(
            """UPDATE story_articles SET words = coalesce((SELECT group_concat(substr(s.signal, 3), ' ')
                FROM story_signals s WHERE s.article_id = story_articles.article_id AND substr(s.signal, 1, 2) = 'w:'),
                '')""",
            """CREATE TABLE story_signals_weekly (
                week INTEGER NOT NULL, signal TEXT NOT NULL, day TEXT NOT NULL, article_id INTEGER NOT NULL,
                story_id INTEGER NOT NULL, weight REAL NOT NULL, PRIMARY KEY (week, signal, day, article_id))
                WITHOUT ROWID""",
            f"""INSERT INTO story_signals_weekly (week, signal, day, article_id, story_id, weight)
                SELECT {SQLITE_WEEK.format(day="day")}, signal, day, article_id, story_id, weight FROM story_signals
                WHERE substr(signal, 1, 2) <> 'w:'""",
            "DROP TABLE story_signals",
            "ALTER TABLE story_signals_weekly RENAME TO story_signals",
            f"""CREATE TRIGGER story_signals_forget AFTER DELETE ON story_articles BEGIN
                DELETE FROM story_signals WHERE week = {SQLITE_WEEK.format(day="OLD.day")} AND day = OLD.day
                AND article_id = OLD.article_id; END""",
        ),
        postgresql_only=(
            """UPDATE story_articles sa SET words = w.words FROM (
                SELECT article_id, string_agg(substr(signal, 3), ' ' ORDER BY signal) AS words FROM story_signals
                WHERE substr(signal, 1, 2) = 'w:' GROUP BY article_id) w WHERE w.article_id = sa.article_id""",
            """CREATE TABLE story_signals_weekly (
                week BIGINT NOT NULL, signal TEXT NOT NULL, day TEXT NOT NULL, article_id BIGINT NOT NULL,
                story_id BIGINT NOT NULL, weight REAL NOT NULL,
                CONSTRAINT story_signals_week_pkey PRIMARY KEY (week, signal, day, article_id))""",
            f"""INSERT INTO story_signals_weekly (week, signal, day, article_id, story_id, weight)
                SELECT {POSTGRES_WEEK.format(day="day")}, signal, day, article_id, story_id, weight FROM story_signals
                WHERE substr(signal, 1, 2) <> 'w:'""",
            "DROP TABLE story_signals",
            "ALTER TABLE story_signals_weekly RENAME TO story_signals",
            f"""CREATE FUNCTION story_signals_forget() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
                DELETE FROM story_signals WHERE week = {POSTGRES_WEEK.format(day="OLD.day")} AND day = OLD.day
                AND article_id = OLD.article_id; RETURN NULL; END $$""",
            """CREATE TRIGGER story_signals_forget AFTER DELETE ON story_articles
                FOR EACH ROW EXECUTE FUNCTION story_signals_forget()""",
        ),
    ),
)

LATEST = MIGRATIONS[-1].version
