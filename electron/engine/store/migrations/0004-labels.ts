import type { Migration } from '../migration';

/**
 * Annotation: one label schema per corpus (JSON, validated by the contract), document-level labels and span
 * labels per annotator, adjudications, and the per-annotator undo stack. `documents.label_count` is kept by
 * triggers so every writer (UI, pack import, undo) keeps it right without remembering to.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'labels',
  up(db) {
    db.exec(`
      CREATE TABLE label_schema (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        json TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE annotators (
        name TEXT PRIMARY KEY,
        created_at TEXT NOT NULL
      ) STRICT;

      -- value is JSON: a string (single choice, note), a sorted array (multi), a number (rating).
      CREATE TABLE labels (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id),
        annotator TEXT NOT NULL,
        question TEXT NOT NULL,
        value TEXT NOT NULL,
        at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX labels_doc_annotator_question ON labels(document_id, annotator, question);
      CREATE INDEX labels_annotator_doc ON labels(annotator, document_id);
      CREATE INDEX labels_question_doc ON labels(question, document_id);
      CREATE INDEX labels_doc_question_value ON labels(document_id, question, value);

      -- Character ranges [start, end) in Unicode code points.
      CREATE TABLE label_spans (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id),
        annotator TEXT NOT NULL,
        question TEXT NOT NULL,
        label TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL CHECK (end > start),
        at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX label_spans_unique ON label_spans(document_id, annotator, question, label, start, end);
      CREATE INDEX label_spans_annotator_doc ON label_spans(annotator, document_id);

      CREATE TABLE adjudications (
        document_id INTEGER NOT NULL REFERENCES documents(id),
        question TEXT NOT NULL,
        value TEXT NOT NULL,
        reason TEXT NOT NULL,
        adjudicator TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (document_id, question)
      ) STRICT;

      -- Undo stack per annotator. before/after are the document's labels of that annotator for the touched
      -- question (JSON), so undo restores exactly what was there. state: done → undone → (redo) done;
      -- a new action drops the annotator's undone ones (dead), as in any editor.
      CREATE TABLE label_actions (
        id INTEGER PRIMARY KEY,
        actor TEXT NOT NULL,
        document_id INTEGER NOT NULL,
        question TEXT NOT NULL,
        kind TEXT NOT NULL,
        before TEXT NOT NULL,
        after TEXT NOT NULL,
        audit_id INTEGER NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('done', 'undone', 'dead')),
        undone_at INTEGER
      ) STRICT;
      CREATE INDEX label_actions_actor_state ON label_actions(actor, state, id);

      -- The annotation queue walks documents in id order within a filter.
      CREATE INDEX IF NOT EXISTS labels_queue_source ON documents(source_id, id);
      CREATE INDEX IF NOT EXISTS labels_queue_lang ON documents(lang, id);
      CREATE INDEX IF NOT EXISTS labels_queue_cluster ON documents(dup_cluster, id);

      -- (document, question) pairs where annotators' answers differ, kept by triggers so conflict counts and
      -- pages never scan every label on the engine thread.
      CREATE TABLE label_disagreements (
        document_id INTEGER NOT NULL,
        question TEXT NOT NULL,
        PRIMARY KEY (document_id, question)
      ) STRICT, WITHOUT ROWID;

      CREATE TRIGGER labels_disagree_ins AFTER INSERT ON labels BEGIN
        DELETE FROM label_disagreements WHERE document_id = NEW.document_id AND question = NEW.question;
        INSERT INTO label_disagreements(document_id, question)
          SELECT NEW.document_id, NEW.question WHERE (SELECT count(DISTINCT value) FROM labels WHERE document_id = NEW.document_id AND question = NEW.question) > 1;
      END;
      CREATE TRIGGER labels_disagree_upd AFTER UPDATE OF value ON labels BEGIN
        DELETE FROM label_disagreements WHERE document_id = NEW.document_id AND question = NEW.question;
        INSERT INTO label_disagreements(document_id, question)
          SELECT NEW.document_id, NEW.question WHERE (SELECT count(DISTINCT value) FROM labels WHERE document_id = NEW.document_id AND question = NEW.question) > 1;
      END;
      CREATE TRIGGER labels_disagree_del AFTER DELETE ON labels BEGIN
        DELETE FROM label_disagreements WHERE document_id = OLD.document_id AND question = OLD.question;
        INSERT INTO label_disagreements(document_id, question)
          SELECT OLD.document_id, OLD.question WHERE (SELECT count(DISTINCT value) FROM labels WHERE document_id = OLD.document_id AND question = OLD.question) > 1;
      END;

      CREATE TRIGGER labels_count_ins AFTER INSERT ON labels
        BEGIN UPDATE documents SET label_count = label_count + 1 WHERE id = NEW.document_id; END;
      CREATE TRIGGER labels_count_del AFTER DELETE ON labels
        BEGIN UPDATE documents SET label_count = label_count - 1 WHERE id = OLD.document_id; END;
      CREATE TRIGGER label_spans_count_ins AFTER INSERT ON label_spans
        BEGIN UPDATE documents SET label_count = label_count + 1 WHERE id = NEW.document_id; END;
      CREATE TRIGGER label_spans_count_del AFTER DELETE ON label_spans
        BEGIN UPDATE documents SET label_count = label_count - 1 WHERE id = OLD.document_id; END;
    `);
  },
};
