import type { Engine } from '../engine';
import { annotatorOr } from '../labels/settings';

/**
 * Who a licence decision, a duplicate or language override, a PII decision, a quality rule change or an export is
 * recorded under: an actor the engine was given explicitly (`--actor`); otherwise the person who said who they are
 * (the annotator identity kept with the corpus), else the OS user. Labels and undo always use the annotator
 * identity (labels-handlers.ts), so in the app all of them are one person.
 */
export function actorOf(engine: Engine): string {
  return engine.actorGiven ? engine.actor : annotatorOr(engine.db, engine.actor);
}
