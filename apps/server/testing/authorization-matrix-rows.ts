import type { Actor, Expected, Fixture } from './authorization-matrix-fixture.js';

/** One route of the authorisation matrix: where to call it, with what, and what each kind of caller gets. */
export interface Row {
  path: (f: Fixture, actor: Actor) => string;
  body?: (f: Fixture, actor: Actor) => unknown;
  /** Sign-out revokes the session it is called with: give it a session of its own. */
  freshSession?: boolean;
  expected: Expected;
}

export const all = (status: number): Expected => ({
  anonymous: status,
  nonMember: status,
  otherSpace: status,
  observateur: status,
  contributeur: status,
  animateur: status,
});
export const signedIn = (status: number): Expected => ({ ...all(status), anonymous: 401 });
export const inSpace = (observateur: number, contributeur: number, animateur: number): Expected => ({
  anonymous: 401,
  nonMember: 404,
  otherSpace: 404,
  observateur,
  contributeur,
  animateur,
});
export const ok = 200;
/** The item an allowed writer acts on: each of contributeur and animateur has its own (others are refused before). */
export const writerOf = (actor: Actor): 'contributeur' | 'animateur' => (actor === 'animateur' ? 'animateur' : 'contributeur');
