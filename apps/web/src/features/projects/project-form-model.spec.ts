import { describe, expect, it } from '@jest/globals';
import type { ProjectDetail } from '@concerto/domain';
import { projectChanges, toProjectFormValues, type ProjectFormValues } from './project-form-model';

function buildValues(overrides: Partial<ProjectFormValues> = {}): ProjectFormValues {
  return {
    title: 'Tiers-lieu alimentaire',
    summary: 'Une cuisine partagée.',
    stage: 'emergence',
    status: 'ongoing',
    startDate: '2026-01-15',
    endDate: '',
    levers: ['pedagogy', 'employment_coordination'],
    policyFrames: [],
    partners: [
      { organisationId: 'org-1', role: 'carrier' },
      { organisationId: 'org-2', role: 'funder' },
    ],
    ...overrides,
  };
}

describe('project form model', () => {
  it('reads a project into form values, with missing dates as empty text', () => {
    const project = {
      ...buildValues(),
      id: 'p1',
      startDate: null,
      endDate: '2027-06-30',
      partners: [{ organisationId: 'org-1', role: 'carrier', name: 'Régie de quartier' }],
    } as unknown as ProjectDetail;
    const values = toProjectFormValues(project);
    expect(values.startDate).toBe('');
    expect(values.endDate).toBe('2027-06-30');
    expect(values.partners).toEqual([{ organisationId: 'org-1', role: 'carrier' }]);
  });

  it('sends only the changed fields with the version the edit started from', () => {
    const baseline = buildValues();
    const result = projectChanges(buildValues({ title: 'Cuisine partagée' }), baseline, 7);
    expect(result.dirty).toBe(true);
    expect(result.request).toEqual({ version: 7, title: 'Cuisine partagée' });
  });

  it('is not dirty when lists only changed order', () => {
    const baseline = buildValues();
    const reordered = buildValues({
      levers: [...baseline.levers].reverse(),
      partners: [...baseline.partners].reverse(),
    });
    expect(projectChanges(reordered, baseline, 1)).toEqual({ changes: {}, dirty: false, request: { version: 1 } });
  });

  it('clears a date with null and sees a partner whose role changed', () => {
    const baseline = buildValues();
    const values = buildValues({
      startDate: '',
      partners: [
        { organisationId: 'org-1', role: 'carrier' },
        { organisationId: 'org-2', role: 'partner' },
      ],
    });
    const { changes } = projectChanges(values, baseline, 3);
    expect(changes.startDate).toBeNull();
    expect(changes.partners).toEqual(values.partners);
    expect(Object.keys(changes).sort()).toEqual(['partners', 'startDate']);
  });
});
