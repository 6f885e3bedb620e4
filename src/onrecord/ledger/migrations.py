"""The ledger's schema, as an ordered list of migrations; ``PRAGMA user_version`` records how far a file is.

A migration is appended, never edited: a database made by an older onrecord is brought up to date when it is
opened. Offsets in ``attributions`` count in ``articles.text``, the cleaned text that was extracted.
"""

from __future__ import annotations

MIGRATIONS: tuple[str, ...] = (
    # 1: articles, stories, actors, claims, attributions, errors, full-text search
    """
    CREATE TABLE stories (
        id INTEGER PRIMARY KEY,
        first_article INTEGER
    );
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,              -- 'url:<canonical url>' or 'text:<sha256 of normalised text>'
        source TEXT NOT NULL,                  -- path as given, with a locator inside containers
        format TEXT NOT NULL,
        url TEXT, title TEXT, author TEXT, site TEXT,
        published TEXT,                        -- ISO 8601 as found
        date_method TEXT,                      -- how the date was found
        day TEXT NOT NULL,                     -- statement date: published[:10], else the ingest day
        text TEXT NOT NULL,                    -- the cleaned text every offset counts in
        text_hash TEXT NOT NULL,
        removals TEXT NOT NULL DEFAULT '[]',   -- JSON [[at, text, reason], ...]: rebuilds the text before cleaning
        minhash BLOB,
        story_id INTEGER NOT NULL REFERENCES stories(id),
        model TEXT NOT NULL,
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX articles_story ON articles(story_id);
    CREATE INDEX articles_day ON articles(day, id);
    CREATE INDEX articles_text_hash ON articles(text_hash);
    CREATE TABLE story_bands (
        band TEXT NOT NULL,
        article_id INTEGER NOT NULL,
        PRIMARY KEY (band, article_id)
    ) WITHOUT ROWID;

    CREATE TABLE actors (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        affiliation TEXT,                      -- state the actor belongs to, from titles ("Iran's foreign minister")
        represents INTEGER REFERENCES actors(id),  -- a capital or institution speaking for a state ("Tehran" -> Iran)
        created_at TEXT NOT NULL
    );
    CREATE INDEX actors_name ON actors(name COLLATE NOCASE);
    CREATE TABLE actor_names (                 -- every surface form (is_title = 0) and title (is_title = 1)
        actor_id INTEGER NOT NULL REFERENCES actors(id),
        name TEXT NOT NULL,
        name_key TEXT NOT NULL,
        is_title INTEGER NOT NULL DEFAULT 0,
        -- a rowid table: SQLite 3.40's integrity_check misreads NOT NULL columns of a WITHOUT ROWID table
        -- whose primary key is not in column order
        UNIQUE (actor_id, is_title, name_key)
    );
    CREATE INDEX actor_names_key ON actor_names(name_key);
    CREATE TABLE actor_keys (                  -- blocking keys: candidates for a merge are looked up by them
        key TEXT NOT NULL,
        actor_id INTEGER NOT NULL,
        PRIMARY KEY (key, actor_id)
    ) WITHOUT ROWID;
    CREATE TABLE actor_links (                 -- one per speaking actor of an article: why it is this ledger actor
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id),
        local_id TEXT NOT NULL,
        local_name TEXT NOT NULL,
        actor_id INTEGER NOT NULL REFERENCES actors(id),
        method TEXT NOT NULL,                  -- 'new' | 'exact-name' | 'alias' | 'transliteration' | ... | 'split'
        score REAL NOT NULL,
        evidence TEXT NOT NULL,
        UNIQUE (article_id, local_id)
    );
    CREATE INDEX actor_links_actor ON actor_links(actor_id);
    CREATE TABLE actor_splits (                -- a merge undone by hand: this name never joins that actor again
        actor_id INTEGER NOT NULL,
        name_key TEXT NOT NULL,
        PRIMARY KEY (actor_id, name_key)
    ) WITHOUT ROWID;

    CREATE TABLE claims (
        id INTEGER PRIMARY KEY,
        text TEXT NOT NULL,                    -- the proposition as first stated, pronouns resolved
        terms TEXT NOT NULL,                   -- normalised terms, space-separated
        entities TEXT NOT NULL DEFAULT '[]',   -- JSON list of canonical entities
        agent TEXT,                            -- the entity doing the act, where the wording shows it
        first_day TEXT NOT NULL,
        last_day TEXT NOT NULL,
        contested INTEGER NOT NULL DEFAULT 0,
        n_attributions INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX claims_contested ON claims(contested, last_day DESC, id DESC);
    CREATE INDEX claims_recent ON claims(last_day DESC, id DESC);
    CREATE TABLE claim_keys (
        key TEXT NOT NULL,
        claim_id INTEGER NOT NULL,
        PRIMARY KEY (key, claim_id)
    ) WITHOUT ROWID;
    CREATE TABLE claim_entities (
        entity TEXT NOT NULL COLLATE NOCASE,
        claim_id INTEGER NOT NULL,
        PRIMARY KEY (entity, claim_id)
    ) WITHOUT ROWID;

    CREATE TABLE attributions (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id),
        local_id TEXT NOT NULL,                -- q1, q2, ... as extracted
        kind TEXT NOT NULL,
        stance TEXT NOT NULL,                  -- as extracted
        rule TEXT NOT NULL,
        confidence REAL NOT NULL,
        content_text TEXT NOT NULL,
        content_start INTEGER NOT NULL,
        content_end INTEGER NOT NULL,
        parts TEXT NOT NULL,                   -- JSON [[start, end], ...]
        cue_text TEXT, cue_start INTEGER, cue_end INTEGER,
        mention_text TEXT, mention_start INTEGER, mention_end INTEGER,
        speaker_name TEXT,
        speaker_kind TEXT NOT NULL,
        local_actor TEXT,                      -- the article's own actor id ("person:maria-zakharova")
        actor_id INTEGER REFERENCES actors(id),
        sentence_start INTEGER, sentence_end INTEGER,
        day TEXT NOT NULL,                     -- the article's day, copied for ordering an actor's statements
        story_id INTEGER NOT NULL,
        claim_id INTEGER REFERENCES claims(id),
        claim_stance TEXT,                     -- stance towards the claim (a denial of "the denial" supports it)
        claim_link TEXT,                       -- how the claim was chosen: why this content is that claim
        UNIQUE (article_id, local_id)
    );
    CREATE INDEX attributions_actor ON attributions(actor_id, day, id);
    CREATE INDEX attributions_claim ON attributions(claim_id);

    CREATE TABLE errors (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL,
        reason TEXT NOT NULL,
        first_at TEXT NOT NULL,
        last_at TEXT NOT NULL,
        count INTEGER NOT NULL DEFAULT 1,
        UNIQUE (source, reason)
    );

    CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='id');
    CREATE VIRTUAL TABLE attributions_fts USING fts5(content_text, speaker_name,
                                                     content='attributions', content_rowid='id');
    """,
    # 2: an actor's timeline (statements per day and stance) answered from the index alone
    """
    CREATE INDEX attributions_actor_stance ON attributions(actor_id, day, stance);
    """,
    # 3 (issue 21): search by stem and prefix (FTS5's porter tokenizer over unicode61, accents folded); both indexes
    # are rebuilt from the rows already stored
    """
    DROP TABLE articles_fts;
    DROP TABLE attributions_fts;
    CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='id',
                                                 tokenize='porter unicode61 remove_diacritics 2');
    CREATE VIRTUAL TABLE attributions_fts USING fts5(content_text, speaker_name,
                                                     content='attributions', content_rowid='id',
                                                     tokenize='porter unicode61 remove_diacritics 2');
    INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
    INSERT INTO attributions_fts (attributions_fts) VALUES ('rebuild');
    """,
    # 4 (issue 18): undated articles are stored undated (day '' instead of the ingest day; '' sorts before every date,
    # so views order undated rows apart); the wire credit and language of an article; an attribution's relay
    # (via) and the day the statement was made (said_on); claims' first and last day count dated statements only
    """
    ALTER TABLE articles ADD COLUMN wire TEXT;
    ALTER TABLE articles ADD COLUMN language TEXT;
    ALTER TABLE attributions ADD COLUMN via_text TEXT;
    ALTER TABLE attributions ADD COLUMN via_start INTEGER;
    ALTER TABLE attributions ADD COLUMN via_end INTEGER;
    ALTER TABLE attributions ADD COLUMN said_on TEXT;
    UPDATE articles SET day = '' WHERE published IS NULL OR day <> substr(published, 1, 10);
    UPDATE articles SET date_method = 'undated' WHERE published IS NULL AND date_method IS NULL;
    UPDATE attributions SET day = (SELECT a.day FROM articles a WHERE a.id = attributions.article_id)
        WHERE day <> (SELECT a.day FROM articles a WHERE a.id = attributions.article_id);
    UPDATE claims SET
        first_day = coalesce((SELECT min(t.day) FROM attributions t WHERE t.claim_id = claims.id AND t.day <> ''), ''),
        last_day = coalesce((SELECT max(t.day) FROM attributions t WHERE t.claim_id = claims.id AND t.day <> ''), '');
    """,
    # 5 (issue 19): the mode of each attribution, speech (said, written) or thought (believed, planned); rows stored
    # before it were extracted without one and read as speech, as onrecord.article/1 documents do
    """
    ALTER TABLE attributions ADD COLUMN mode TEXT NOT NULL DEFAULT 'speech';
    """,
    # 6 (issue 17): polarity and the side each statement takes on its claim; disputes (claims with sides) judged
    """
    ALTER TABLE attributions ADD COLUMN polarity TEXT NOT NULL DEFAULT 'affirm';   -- as extracted
    ALTER TABLE attributions ADD COLUMN position TEXT;   -- 'affirm' | 'negate' on its claim; NULL takes no side
    ALTER TABLE claims ADD COLUMN contested_why TEXT;    -- the evidence for contested (or why not)
    ALTER TABLE claims ADD COLUMN n_sides INTEGER NOT NULL DEFAULT 0;  -- statements taking a side
    CREATE INDEX attributions_claim_position ON attributions(claim_id, position);
    CREATE INDEX claims_sides ON claims(n_sides, last_day DESC, id DESC);
    -- the other wordings a claim was stated in: a new statement joins the claim if it matches any of them
    CREATE TABLE claim_variants (
        id INTEGER PRIMARY KEY,
        claim_id INTEGER NOT NULL REFERENCES claims(id),
        text TEXT NOT NULL,
        terms TEXT NOT NULL,
        entities TEXT NOT NULL DEFAULT '[]',
        agent TEXT,
        UNIQUE (claim_id, terms)
    );
    """,
    # 7 (issue 16): curation records (merge, split, rename, kind) replayed on every ingest; a curator's name stands
    """
    ALTER TABLE actors ADD COLUMN renamed INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE curations (
        id INTEGER PRIMARY KEY,
        action TEXT NOT NULL,                  -- 'merge' | 'split' | 'rename' | 'kind'
        actor TEXT NOT NULL,                   -- the actor's name when the decision was made
        value TEXT NOT NULL,                   -- merge: the other actor's name; split: the mention's name;
                                               -- rename: the new name; kind: the new kind
        article TEXT NOT NULL DEFAULT '',      -- split: the article key the mention is in
        who TEXT NOT NULL,
        at TEXT NOT NULL,
        why TEXT NOT NULL DEFAULT '',
        UNIQUE (action, actor, value, article)
    );
    CREATE TABLE curation_effects (            -- what a record did to this ledger (shown on the actor page)
        curation_id INTEGER NOT NULL REFERENCES curations(id),
        actor_id INTEGER NOT NULL,
        detail TEXT NOT NULL,
        UNIQUE (curation_id, actor_id, detail)
    );
    CREATE INDEX curation_effects_actor ON curation_effects(actor_id);
    """,
    # 8 (issue 20): events (acts: sanction, transfer, attack) merged across articles, each article's mention of one, the
    # actors taking part, and the claims that state them (the hook a dispute layer joins on: event -> claims)
    """
    CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        type TEXT NOT NULL,                    -- sanction | transfer | attack
        family TEXT NOT NULL,                  -- what may merge: sanction:impose, sanction:lift, transfer, attack
        phase TEXT NOT NULL,                   -- intent (considered, threatened) | act (the rest, denials too)
        action TEXT NOT NULL,
        plover TEXT NOT NULL,
        cameo TEXT NOT NULL,
        agent_id INTEGER REFERENCES actors(id),
        agent_name TEXT,
        agent_key TEXT NOT NULL,               -- the ledger actor ('a:12') or '-': merge key
        target_keys TEXT NOT NULL,             -- JSON list of 'a:ID' keys of the targets
        theme TEXT,
        place TEXT,
        status TEXT NOT NULL,                  -- as the latest mention reports it
        first_day TEXT NOT NULL,
        last_day TEXT NOT NULL
    );
    CREATE INDEX events_merge ON events(type, agent_key, last_day);
    CREATE INDEX events_recent ON events(last_day DESC, id DESC);
    CREATE TABLE event_participants (
        event_id INTEGER NOT NULL REFERENCES events(id),
        actor_id INTEGER NOT NULL REFERENCES actors(id),
        role TEXT NOT NULL,                    -- agent | target
        name TEXT NOT NULL,
        kind TEXT NOT NULL,                    -- person | organization | company | state | place | group
        PRIMARY KEY (event_id, actor_id, role)
    ) WITHOUT ROWID;
    CREATE INDEX event_participants_actor ON event_participants(actor_id, role);
    CREATE TABLE event_mentions (
        id INTEGER PRIMARY KEY,
        event_id INTEGER NOT NULL REFERENCES events(id),
        article_id INTEGER NOT NULL REFERENCES articles(id),
        local_id TEXT NOT NULL,                -- e1, e2 ... as extracted
        status TEXT NOT NULL,
        in_force_from TEXT,
        day TEXT,                              -- the act's day
        date_method TEXT NOT NULL,             -- stated | relative | article | unknown
        date_text TEXT,
        trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL,
        sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL,
        attribution_id INTEGER REFERENCES attributions(id),   -- null: the reporter states it
        speaker TEXT,
        merge_evidence TEXT NOT NULL,          -- why this mention is this event
        UNIQUE (article_id, local_id)
    );
    CREATE INDEX event_mentions_event ON event_mentions(event_id);
    CREATE TABLE event_claims (
        event_id INTEGER NOT NULL REFERENCES events(id),
        claim_id INTEGER NOT NULL REFERENCES claims(id),
        PRIMARY KEY (event_id, claim_id)
    ) WITHOUT ROWID;
    CREATE INDEX event_claims_claim ON event_claims(claim_id);
    """,
)
