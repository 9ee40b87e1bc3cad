import type { Db } from '../../db/connect.js';
import type { Actor } from '../audit/audit.service.js';
import type { Worded } from './day-end.words.js';

/*
 * The shape of a day-end step, in a file of its own: the modules that contribute a step
 * (segments, report packages) import it without importing the list of steps that imports them.
 */

/** What a step reports: rows it touched and a line for the operator (a message, worded when read). */
export interface StepResult {
  rows: number;
  detail: Worded;
}
export interface StepContext {
  trx: Db;
  actor: Actor;
  date: string;
  /**
   * How far the step is: rows done of the rows it expects (null: not known), for the run's
   * progress channel (a screen and the CLI show it while the run's transaction is open). Optional;
   * a step reports what it can tell cheaply, and nothing else in it depends on the call.
   */
  progress?: (done: number, expected: number | null) => void;
}
export type Step = { name: string; run: (ctx: StepContext) => Promise<StepResult> };
