import type { Engine } from '../engine';
import { annotatorOr } from '../labels/settings';

/**
 * Who an action from the UI is recorded under: the person who said who they are (the annotator identity kept with
 * the corpus), else the engine's actor (the OS user). One identity for labels, licence decisions, duplicate and
 * language overrides, PII decisions and undo alike.
 */
export function actorOf(engine: Engine): string {
  return annotatorOr(engine.db, engine.actor);
}
