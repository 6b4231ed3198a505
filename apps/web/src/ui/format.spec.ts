import { describe, expect, it } from '@jest/globals';
import { centsToEuroText, formatDate, formatDateTime, formatEuros, formatKiloEuros, formatNumber, formatShare, parseDecimal, parseEuroAmount } from './format';

// French formats: decimal comma, narrow no-break space (U+202F) between thousands, no-break space (U+00A0) before units.
const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe('French formatting', () => {
  it('writes numbers with a decimal comma and spaced thousands', () => {
    expect(formatNumber(12500.5, 'fr')).toBe(`12${NNBSP}500,5`);
    expect(formatNumber(1.236, 'fr')).toBe('1,24');
    expect(formatNumber(12500.5, 'en')).toBe('12,500.5');
  });

  it('writes euros from cents, with cents only when there are some', () => {
    expect(formatEuros(1250050, 'fr')).toBe(`12${NNBSP}500,50${NBSP}€`);
    expect(formatEuros(150000, 'fr')).toBe(`1${NNBSP}500${NBSP}€`);
    expect(formatEuros(150000, 'en')).toBe('€1,500');
  });

  it('writes thousands of euros the study’s way and shares as percentages', () => {
    expect(formatKiloEuros(123_900_000, 'fr')).toBe(`1${NNBSP}239${NBSP}k€`);
    expect(formatShare(0.423, 'fr')).toBe(`42${NBSP}%`);
  });

  it('writes dates in words, in the interface language', () => {
    expect(formatDate('2026-03-03', 'fr')).toBe('3 mars 2026');
    expect(formatDate('2026-03-03', 'en')).toBe('March 3, 2026');
    expect(formatDate('not a date', 'fr')).toBe('not a date');
    expect(formatDateTime('2026-03-03T14:30:00', 'fr')).toBe('3 mars 2026 à 14:30');
  });
});

describe('reading typed amounts', () => {
  it.each([
    ['12 500,50', 1250050],
    ['12500.5', 1250050],
    ['12 500 €', 1250000],
    [`12${NNBSP}500,5`, 1250050],
    ['12.500,50', 1250050],
    ['12,500.50', 1250050],
    ['+3', 300],
    ['1,234', 123400], // a comma before three digits groups thousands (English way), it is not a decimal
  ])('reads %p as %p cents', (text, cents) => {
    expect(parseEuroAmount(text)).toBe(cents);
  });

  it.each(['', 'douze', '12,345,6', '-5', '1,2345', '12.5.5'])('refuses %p', (text) => {
    expect(parseEuroAmount(text)).toBeNull();
  });

  it('writes cents back as the text of an amount field', () => {
    expect(centsToEuroText(1250050, 'fr')).toBe(`12${NNBSP}500,50`);
    expect(centsToEuroText(1250000, 'fr')).toBe(`12${NNBSP}500`);
    expect(centsToEuroText(null, 'fr')).toBe('');
  });

  it('reads decimals typed with a comma or a point', () => {
    expect(parseDecimal('1,75')).toBe(1.75);
    expect(parseDecimal(' 2.5 ')).toBe(2.5);
    expect(parseDecimal('')).toBeNull();
    expect(parseDecimal('1,2,3')).toBeNaN();
  });

  it('shows a date-only value as the same calendar day in every time zone', () => {
    for (const zone of ['America/Martinique', 'Pacific/Noumea', 'Europe/Paris', 'Pacific/Tahiti', 'Asia/Tokyo']) {
      expect([zone, formatDate('2026-03-01', 'fr', zone)]).toEqual([zone, '1 mars 2026']);
    }
    // A timestamp is a moment: it shows the day it is where the reader is.
    expect(formatDate('2026-03-01T02:00:00Z', 'fr', 'America/Martinique')).toBe('28 février 2026');
    expect(formatDate('2026-03-01T02:00:00Z', 'fr', 'Europe/Paris')).toBe('1 mars 2026');
  });
});
