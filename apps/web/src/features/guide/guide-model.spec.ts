import { describe, expect, it } from '@jest/globals';
import { RecommendationStatus, TestimonyStatus, type RecommendationView, type TestimonyFigureView, type TestimonyView } from '@concerto/domain';
import {
  countByStatus,
  filterTestimonies,
  formatFigureValue,
  groupRecommendations,
  movedPositions,
  nextRecommendationStatuses,
  nextTestimonyStatuses,
  toFigureInputs,
} from './guide-model';

const testimony = (id: string, status: TestimonyView['status'], levers: TestimonyView['levers']) => ({ id, status, levers }) as TestimonyView;
const recommendation = (id: string, status: RecommendationView['status'], fields: Partial<RecommendationView> = {}) =>
  ({ id, status, levers: [], stages: [], levels: [], ...fields }) as RecommendationView;

describe('guide model', () => {
  it('counts every status, zero included', () => {
    const counts = countByStatus([testimony('a', 'draft', []), testimony('b', 'draft', []), testimony('c', 'validated', [])], TestimonyStatus.keys);
    expect(counts).toEqual({ draft: 2, reviewed: 0, validated: 1 });
  });

  it('filters testimonies by status and by lever', () => {
    const list = [testimony('a', 'draft', ['pedagogy']), testimony('b', 'reviewed', ['pedagogy']), testimony('c', 'draft', [])];
    expect(filterTestimonies(list, { status: 'draft', lever: '' }).map((t) => t.id)).toEqual(['a', 'c']);
    expect(filterTestimonies(list, { status: '', lever: 'pedagogy' }).map((t) => t.id)).toEqual(['a', 'b']);
    expect(filterTestimonies(list, { status: 'draft', lever: 'pedagogy' }).map((t) => t.id)).toEqual(['a']);
  });

  it('groups recommendations by status and keeps those matching every filter', () => {
    const list = [
      recommendation('a', 'proposed', { levers: ['pedagogy'], levels: ['region'] }),
      recommendation('b', 'retained', { levers: ['pedagogy'], levels: ['commune'] }),
      recommendation('c', 'proposed', { stages: ['support'] }),
    ] as RecommendationView[];
    const all = groupRecommendations(list, RecommendationStatus.keys, { lever: '', stage: '', level: '' });
    expect(Object.keys(all)).toEqual([...RecommendationStatus.keys]);
    expect(all.proposed.map((r) => r.id)).toEqual(['a', 'c']);
    expect(all.set_aside).toEqual([]);
    const filtered = groupRecommendations(list, RecommendationStatus.keys, { lever: 'pedagogy', stage: '', level: 'region' });
    expect(filtered.proposed.map((r) => r.id)).toEqual(['a']);
    expect(filtered.retained).toEqual([]);
  });

  it('offers the status moves of each role', () => {
    expect(nextTestimonyStatuses('reviewed', 'contributeur')).toEqual(['draft']);
    expect(nextTestimonyStatuses('reviewed', 'animateur')).toEqual(['draft', 'validated']);
    expect(nextTestimonyStatuses('validated', 'contributeur')).toEqual([]);
    expect(nextTestimonyStatuses('draft', 'observateur')).toEqual([]);
    expect(nextRecommendationStatuses('proposed', 'contributeur')).toEqual(['debated']);
    expect(nextRecommendationStatuses('debated', 'animateur')).toEqual(['proposed', 'retained', 'set_aside']);
    expect(nextRecommendationStatuses('retained', 'contributeur')).toEqual([]);
  });

  it('formats key figures: euros from cents, counts, typed values with their unit', () => {
    const source = { projectId: null, funderLevel: null, from: null, to: null };
    const money: TestimonyFigureView = { kind: 'live', label: 'Financements', source: { ...source, measure: 'funding_total' }, value: 123456700, readAt: '' };
    const count: TestimonyFigureView = { kind: 'live', label: 'Projets', source: { ...source, measure: 'projects_count' }, value: 12, readAt: '' };
    const typed: TestimonyFigureView = { kind: 'typed', label: 'Emplois', value: 1250.5, unit: 'emplois' };
    expect(formatFigureValue(money, 'fr').replace(/\s/g, ' ')).toBe('1 234 567 €');
    expect(formatFigureValue(count, 'fr')).toBe('12');
    expect(formatFigureValue(typed, 'fr').replace(/\s/g, ' ')).toBe('1 250,5 emplois');
  });

  it('sends back what a live figure reads, not the value read', () => {
    const source = { measure: 'funders_count' as const, projectId: null, funderLevel: 'region' as const, from: 2020, to: null };
    expect(toFigureInputs([{ kind: 'live', label: 'Financeurs', source, value: 4, readAt: '2026-01-01' }])).toEqual([
      { kind: 'live', label: 'Financeurs', source },
    ]);
  });

  it('moves a chapter and renumbers only the positions that change', () => {
    const items = [
      { id: 'a', position: 0 },
      { id: 'b', position: 1 },
      { id: 'c', position: 2 },
    ];
    expect(movedPositions(items, 2, -1)).toEqual([
      { id: 'c', position: 1 },
      { id: 'b', position: 2 },
    ]);
    expect(movedPositions(items, 0, -1)).toEqual([]);
    expect(
      movedPositions(
        [
          { id: 'a', position: 0 },
          { id: 'b', position: 0 },
        ],
        0,
        1,
      ),
    ).toEqual([{ id: 'a', position: 1 }]);
  });
});
