import type { Migration } from '../migration';

/**
 * Text quality. One row of signals per document (one REAL column per signal, so rules are plain SQL
 * comparisons and histograms are GROUP BYs); rules per corpus (no rows = the built-in defaults);
 * documents.quality_pass = 1 / 0 (NULL = not computed yet).
 */
export const migration0007: Migration = {
  version: 7,
  name: 'quality',
  up(db) {
    db.exec(`
      CREATE TABLE quality_signals (
        document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        word_count REAL NOT NULL,
        mean_word_length REAL NOT NULL,
        symbol_word_ratio REAL NOT NULL,
        bullet_line_share REAL NOT NULL,
        ellipsis_line_share REAL NOT NULL,
        punct_line_share REAL NOT NULL,
        dup_line_share REAL NOT NULL,
        dup_para_share REAL NOT NULL,
        top_word_share REAL NOT NULL,
        top_2gram_share REAL NOT NULL,
        top_3gram_share REAL NOT NULL,
        top_4gram_share REAL NOT NULL,
        dup_5gram_share REAL NOT NULL,
        short_line_share REAL NOT NULL,
        non_alpha_word_share REAL NOT NULL,
        stopword_share REAL NOT NULL,
        en_stopword_share REAL NOT NULL,
        url_density REAL NOT NULL,
        digit_density REAL NOT NULL,
        lorem_ipsum REAL NOT NULL,
        boilerplate_markers REAL NOT NULL,
        line_count REAL NOT NULL,
        reasons TEXT NOT NULL
      ) STRICT;

      CREATE TABLE quality_rules (
        position INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        signal TEXT NOT NULL,
        op TEXT NOT NULL CHECK (op IN ('min', 'max')),
        value REAL NOT NULL,
        enabled INTEGER NOT NULL,
        min_lines INTEGER,
        min_words INTEGER
      ) STRICT;

      CREATE INDEX documents_quality_pass ON documents(quality_pass, id);
    `);
  },
};
