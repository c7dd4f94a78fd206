import type { Migration } from '../migration';

/**
 * Language overrides saved before every boundary read codes one way (shared/langid/codes.ts) could be stored as
 * typed: "zsm" or "msa" for Malay made buckets of their own beside the detector's zlm, and `--lang zlm` left them out.
 * They become the stored form: the documents, the per-language summary (its rows merged, so no rescan) and the
 * states on the undo stack (so undoing an override compares and restores the code the document now has). The
 * audit log keeps what was recorded then. The alias list is written out here, not imported: a migration does
 * the same thing whenever it runs. Paragraph shares come only from the detector, which never wrote an alias.
 */
const ALIASES: readonly (readonly [string, string])[] = [
  ['zsm', 'zlm'],
  ['msa', 'zlm'],
  ['may', 'zlm'],
  ['ms', 'zlm'],
  ['id', 'ind'],
  ['in', 'ind'],
  ['jv', 'jav'],
  ['jw', 'jav'],
  ['su', 'sun'],
  ['en', 'eng'],
];

export const migration0013: Migration = {
  version: 13,
  name: 'lang-aliases',
  up(db) {
    db.exec('CREATE TEMP TABLE lang_alias (code TEXT PRIMARY KEY, target TEXT NOT NULL)');
    const add = db.prepare('INSERT INTO temp.lang_alias(code, target) VALUES (?, ?)');
    for (const [code, target] of ALIASES) add.run(code, target);
    db.exec(`
      UPDATE documents SET lang = (SELECT target FROM temp.lang_alias WHERE code = documents.lang)
        WHERE lang IN (SELECT code FROM temp.lang_alias);

      INSERT INTO langid_summary(lang, documents, characters, code_mixed, manual)
        SELECT a.target, s.documents, s.characters, s.code_mixed, s.manual
        FROM langid_summary s JOIN temp.lang_alias a ON a.code = s.lang WHERE true
        ON CONFLICT(lang) DO UPDATE SET documents = documents + excluded.documents, characters = characters + excluded.characters,
          code_mixed = code_mixed + excluded.code_mixed, manual = manual + excluded.manual;
      DELETE FROM langid_summary WHERE lang IN (SELECT code FROM temp.lang_alias);

      UPDATE label_actions SET before = json_set(before, '$.lang', (SELECT target FROM temp.lang_alias WHERE code = json_extract(label_actions.before, '$.lang')))
        WHERE kind = 'langid' AND json_extract(before, '$.lang') IN (SELECT code FROM temp.lang_alias);
      UPDATE label_actions SET after = json_set(after, '$.lang', (SELECT target FROM temp.lang_alias WHERE code = json_extract(label_actions.after, '$.lang')))
        WHERE kind = 'langid' AND json_extract(after, '$.lang') IN (SELECT code FROM temp.lang_alias);

      DROP TABLE temp.lang_alias;
    `);
  },
};
