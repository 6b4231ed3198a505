import { describe, expect, it } from '@jest/globals';
import { clockText, isoToLocalInput, localInputToIso, minutesText, overrunParts } from './durations';

describe('session durations', () => {
  it('shows a countdown as a clock, rounding seconds up', () => {
    expect(clockText(725_000)).toBe('12:05');
    expect(clockText(724_001)).toBe('12:05');
    expect(clockText(3_725_000)).toBe('1:02:05');
    expect(clockText(-5_000)).toBe('0:00');
  });

  it('splits an overrun into minutes and two-digit seconds', () => {
    expect(overrunParts(130_900)).toEqual({ minutes: 2, seconds: '10' });
    expect(overrunParts(5_000)).toEqual({ minutes: 0, seconds: '05' });
  });

  it('writes minutes in the interface language', () => {
    expect(minutesText(12, 'fr')).toBe('12\u00a0min');
    expect(minutesText(12, 'en')).toBe('12 min');
  });

  it('turns a datetime-local value into an ISO date with the offset, and back', () => {
    const iso = localInputToIso('2026-03-05T14:30');
    expect(iso).toMatch(/^2026-03-05T14:30:00[+-]\d{2}:\d{2}$/);
    expect(new Date(iso).getTime()).toBe(new Date('2026-03-05T14:30').getTime());
    expect(isoToLocalInput(iso)).toBe('2026-03-05T14:30');
    expect(localInputToIso('')).toBe('');
    expect(isoToLocalInput('nonsense')).toBe('');
  });
});
