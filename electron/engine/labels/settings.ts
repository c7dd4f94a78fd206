import { labelSchema, type LabelSchema } from '../../../shared/contract/labels';
import { KurasiError } from '../errors';
import { appendAudit } from '../store/audit';
import { getMeta, setMeta, type Db } from '../store/open';
import { starterSchema } from './starter-schema';

export function getSchema(db: Db): LabelSchema {
  const row = db.prepare('SELECT json FROM label_schema WHERE id = 1').get() as { json: string } | undefined;
  if (!row) return starterSchema;
  return labelSchema.parse(JSON.parse(row.json));
}

export function setSchema(db: Db, actor: string, schema: LabelSchema): LabelSchema {
  const parsed = labelSchema.parse(schema);
  db.transaction(() => {
    const before = getSchema(db);
    db.prepare(
      'INSERT INTO label_schema(id, json, updated_at) VALUES (1, ?, ?) ON CONFLICT(id) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at',
    ).run(JSON.stringify(parsed), new Date().toISOString());
    appendAudit(db, { actor, action: 'labels.schema', entity: 'corpus', entityId: 'label_schema', before, after: parsed });
  })();
  return parsed;
}

export function isBlind(db: Db): boolean {
  return getMeta(db, 'labels.blind') === '1';
}

export function setBlind(db: Db, actor: string, blind: boolean): boolean {
  db.transaction(() => {
    const before = isBlind(db);
    setMeta(db, 'labels.blind', blind ? '1' : '0');
    appendAudit(db, { actor, action: 'labels.blind', entity: 'corpus', entityId: 'labels.blind', before, after: blind });
  })();
  return blind;
}

/** Who labels on this machine: chosen on first run and kept with the corpus; null until then. */
export function currentAnnotator(db: Db): string | null {
  return getMeta(db, 'labels.annotator');
}

export function setAnnotator(db: Db, name: string): string {
  const clean = name.trim();
  if (!clean) throw new KurasiError('bad-request', 'annotator name is empty');
  db.transaction(() => {
    const before = currentAnnotator(db);
    setMeta(db, 'labels.annotator', clean);
    db.prepare('INSERT OR IGNORE INTO annotators(name, created_at) VALUES (?, ?)').run(clean, new Date().toISOString());
    if (before !== clean) appendAudit(db, { actor: clean, action: 'annotators.set', entity: 'corpus', entityId: 'labels.annotator', before, after: clean });
  })();
  return clean;
}

/** The annotator identity labels are written under: the chosen one, else the engine's actor. */
export function annotatorOr(db: Db, fallback: string): string {
  return currentAnnotator(db) ?? fallback;
}

export function listAnnotators(db: Db): { name: string; labels: number; lastAt: string | null }[] {
  return db
    .prepare(
      `SELECT a.name AS name, count(l.id) AS labels, max(l.at) AS lastAt FROM
         (SELECT name FROM annotators UNION SELECT DISTINCT annotator FROM labels) a
         LEFT JOIN labels l ON l.annotator = a.name GROUP BY a.name ORDER BY a.name`,
    )
    .all() as { name: string; labels: number; lastAt: string | null }[];
}
