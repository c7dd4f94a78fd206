import type { Engine } from '../engine';
import { annotatorOr } from '../labels/settings';

/**
 * Who an action from the UI is recorded under: an actor the engine was given explicitly; otherwise the person who
 * said who they are (the annotator identity kept with the corpus), else the OS user. One identity for labels,
 * licence decisions, duplicate and language overrides, PII decisions and undo alike.
 */
export function actorOf(engine: Engine): string {
  return engine.actorGiven ? engine.actor : annotatorOr(engine.db, engine.actor);
}
