import { type ItemTimer, TimerStateError, elapsedMs, facilitate, overrunMs, remainingMs } from '../index.js';

const item = (minutes: number): ItemTimer => ({ status: 'pending', plannedMs: minutes * 60_000, extraMs: 0, elapsedMs: 0, runningSince: null });
const MIN = 60_000;

describe('agenda timer (injected clock)', () => {
  const t0 = 1_700_000_000_000;
  const agenda = [item(10), item(20), item(5)];

  it('starts the first item and counts down from the server clock', () => {
    const started = facilitate(agenda, { action: 'start' }, t0);
    expect(started.map((t) => t.status)).toEqual(['current', 'pending', 'pending']);
    expect(remainingMs(started[0], t0 + 3 * MIN)).toBe(7 * MIN);
    expect(() => facilitate(started, { action: 'start' }, t0)).toThrow(TimerStateError);
  });

  it('pauses, resumes and extends without losing time', () => {
    let s = facilitate(agenda, { action: 'start' }, t0);
    s = facilitate(s, { action: 'pause' }, t0 + 4 * MIN);
    expect(remainingMs(s[0], t0 + 60 * MIN)).toBe(6 * MIN); // paused: time stands still
    expect(() => facilitate(s, { action: 'pause' }, t0 + 5 * MIN)).toThrow(TimerStateError);
    s = facilitate(s, { action: 'resume' }, t0 + 10 * MIN);
    expect(() => facilitate(s, { action: 'resume' }, t0 + 10 * MIN)).toThrow(TimerStateError);
    s = facilitate(s, { action: 'extend', minutes: 5 }, t0 + 11 * MIN);
    expect(remainingMs(s[0], t0 + 11 * MIN)).toBe(10 * MIN);
    expect(overrunMs(s[0], t0 + 23 * MIN)).toBe(2 * MIN);
  });

  it('moves to the next item, keeping the actual time of the finished one, and ends after the last', () => {
    let s = facilitate(agenda, { action: 'start' }, t0);
    s = facilitate(s, { action: 'next' }, t0 + 12 * MIN);
    expect(s.map((t) => t.status)).toEqual(['done', 'current', 'pending']);
    expect(elapsedMs(s[0], t0 + 99 * MIN)).toBe(12 * MIN);
    s = facilitate(s, { action: 'goto', index: 2 }, t0 + 20 * MIN);
    expect(s.map((t) => t.status)).toEqual(['done', 'done', 'current']);
    s = facilitate(s, { action: 'next' }, t0 + 26 * MIN);
    expect(s.map((t) => t.status)).toEqual(['done', 'done', 'done']);
    expect(overrunMs(s[2], t0 + 99 * MIN)).toBe(MIN);
    expect(() => facilitate(s, { action: 'next' }, t0)).toThrow(TimerStateError);
    // A finished item can be taken up again: its time goes on from where it stopped.
    s = facilitate(s, { action: 'goto', index: 1 }, t0 + 30 * MIN);
    expect(elapsedMs(s[1], t0 + 31 * MIN)).toBe(9 * MIN);
    expect(() => facilitate(s, { action: 'goto', index: 7 }, t0)).toThrow(TimerStateError);
  });

  it('refuses steps that need a current item before the start', () => {
    for (const step of [{ action: 'pause' }, { action: 'resume' }, { action: 'next' }, { action: 'extend', minutes: 1 }] as const) {
      expect(() => facilitate(agenda, step, t0)).toThrow(TimerStateError);
    }
  });
});
