import type { AgendaItemStatus } from '../vocabulary/session.js';

/** The timer of one agenda item; times are epoch milliseconds of the server's clock. */
export interface ItemTimer {
  status: AgendaItemStatus;
  plannedMs: number;
  extraMs: number;
  /** Time run before `runningSince`. */
  elapsedMs: number;
  /** Set while the timer runs. */
  runningSince: number | null;
}

export class TimerStateError extends Error {}

export const elapsedMs = (t: ItemTimer, now: number) => t.elapsedMs + (t.runningSince === null ? 0 : Math.max(0, now - t.runningSince));
/** Negative once the item runs over its time. */
export const remainingMs = (t: ItemTimer, now: number) => t.plannedMs + t.extraMs - elapsedMs(t, now);
export const overrunMs = (t: ItemTimer, now: number) => Math.max(0, -remainingMs(t, now));

/** Makes the item current and runs its timer (a done item can be taken up again). */
export function startItem(t: ItemTimer, now: number): ItemTimer {
  if (t.runningSince !== null) throw new TimerStateError('already running');
  return { ...t, status: 'current', runningSince: now };
}

export function pauseItem(t: ItemTimer, now: number): ItemTimer {
  if (t.status !== 'current' || t.runningSince === null) throw new TimerStateError('not running');
  return { ...t, elapsedMs: elapsedMs(t, now), runningSince: null };
}

export function resumeItem(t: ItemTimer, now: number): ItemTimer {
  if (t.status !== 'current' || t.runningSince !== null) throw new TimerStateError('not paused');
  return { ...t, runningSince: now };
}

export function extendItem(t: ItemTimer, minutes: number): ItemTimer {
  if (t.status !== 'current') throw new TimerStateError('not current');
  return { ...t, extraMs: t.extraMs + minutes * 60_000 };
}

/** Stops the item's timer where it is and marks it done. */
export function finishItem(t: ItemTimer, now: number): ItemTimer {
  return { ...t, status: 'done', elapsedMs: elapsedMs(t, now), runningSince: null };
}

export type FacilitationStep =
  | { action: 'start' }
  | { action: 'pause' }
  | { action: 'resume' }
  | { action: 'extend'; minutes: number }
  | { action: 'next' }
  | { action: 'goto'; index: number };

/**
 * The agenda's state machine: `start` runs the first item; `next` finishes the current item and runs the following
 * one (after the last, no item is current); `goto` finishes the current item and runs the chosen one.
 */
export function facilitate(items: readonly ItemTimer[], step: FacilitationStep, now: number): ItemTimer[] {
  const next = [...items];
  const current = next.findIndex((t) => t.status === 'current');
  const run = (index: number) => {
    if (index < 0 || index >= next.length) throw new TimerStateError('no such item');
    if (current >= 0) next[current] = finishItem(next[current], now);
    next[index] = startItem({ ...next[index], runningSince: null }, now);
  };
  switch (step.action) {
    case 'start':
      if (current >= 0 || next.some((t) => t.status !== 'pending')) throw new TimerStateError('already started');
      run(0);
      break;
    case 'pause':
    case 'resume':
    case 'extend':
      if (current < 0) throw new TimerStateError('no current item');
      next[current] =
        step.action === 'pause'
          ? pauseItem(next[current], now)
          : step.action === 'resume'
            ? resumeItem(next[current], now)
            : extendItem(next[current], step.minutes);
      break;
    case 'next':
      if (current < 0) throw new TimerStateError('no current item');
      if (current + 1 < next.length) run(current + 1);
      else next[current] = finishItem(next[current], now);
      break;
    case 'goto':
      if (step.index === current) throw new TimerStateError('already current');
      run(step.index);
      break;
  }
  return next;
}
