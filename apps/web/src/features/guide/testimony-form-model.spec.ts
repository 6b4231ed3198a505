import { describe, expect, it } from '@jest/globals';
import type { TestimonyView } from '@concerto/domain';
import { testimonyChanges, toTestimonyFormValues } from './testimony-form-model';

const testimony = {
  id: 't1',
  title: 'TETRIS à Grasse',
  territory: 'Pays de Grasse',
  collectivites: [{ organisation: { id: 'o1', name: 'CA du Pays de Grasse', level: 'epci' }, stages: ['detection'] }],
  levers: ['pedagogy'],
  figures: [
    { kind: 'typed', label: 'Emplois', value: 45.5, unit: 'emplois' },
    {
      kind: 'live',
      label: 'Financements',
      source: { measure: 'funding_total', projectId: null, funderLevel: 'region', from: 2020, to: null },
      value: 100,
      readAt: '2026-01-01',
    },
  ],
  quotes: [{ text: 'On a osé.', author: 'Jeanne', role: 'élue' }],
  version: 3,
} as unknown as TestimonyView;

describe('testimony form model', () => {
  it('reads a testimony into form values, numbers as French text', () => {
    const values = toTestimonyFormValues(testimony);
    expect(values.figures[0]).toEqual({ kind: 'typed', label: 'Emplois', value: '45,5', unit: 'emplois' });
    expect(values.figures[1]).toEqual({
      kind: 'live',
      label: 'Financements',
      measure: 'funding_total',
      projectId: '',
      funderLevel: 'region',
      from: '2020',
      to: '',
    });
    expect(values.collectivites).toEqual([{ organisationId: 'o1', name: 'CA du Pays de Grasse', stages: ['detection'] }]);
  });

  it('sends only the changed fields with the version it started from', () => {
    const baseline = toTestimonyFormValues(testimony);
    expect(testimonyChanges(baseline, baseline, 3)).toEqual({ dirty: false, request: { version: 3 } });
    const changed = { ...baseline, title: 'TETRIS', collectivites: [{ ...baseline.collectivites[0], stages: ['detection' as const, 'place' as const] }] };
    expect(testimonyChanges(changed, baseline, 3).request).toEqual({
      version: 3,
      title: 'TETRIS',
      collectivites: [{ organisationId: 'o1', stages: ['detection', 'place'] }],
    });
  });

  it('parses the figures typed the French way, and leaves an unreadable number for validation', () => {
    const baseline = toTestimonyFormValues(testimony);
    const typed = { kind: 'typed' as const, label: 'Budget', value: '1 250,5', unit: 'k€' };
    const { request } = testimonyChanges({ ...baseline, figures: [typed, { ...typed, value: 'beaucoup' }, baseline.figures[1]] }, baseline, 3);
    const figures = request.figures as { value?: number; source?: unknown }[];
    expect(figures[0].value).toBe(1250.5);
    expect(figures[1].value).toBeNaN();
    expect(figures[2].source).toEqual({ measure: 'funding_total', projectId: null, funderLevel: 'region', from: 2020, to: null });
  });
});
