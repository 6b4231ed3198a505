import type { ProjectDetail, ProjectPartnerInput, UpdateProjectRequest } from '@concerto/domain';

/** A project as edited in its form: dates as text ('' for none). */
export interface ProjectFormValues {
  title: string;
  summary: string;
  stage: ProjectDetail['stage'];
  status: ProjectDetail['status'];
  startDate: string;
  endDate: string;
  levers: ProjectDetail['levers'];
  policyFrames: ProjectDetail['policyFrames'];
  partners: ProjectPartnerInput[];
}

export const PROJECT_FIELDS = [
  'title',
  'summary',
  'stage',
  'status',
  'startDate',
  'endDate',
  'levers',
  'policyFrames',
  'partners',
] as const satisfies readonly (keyof ProjectFormValues)[];

export function toProjectFormValues(project: ProjectDetail): ProjectFormValues {
  return {
    title: project.title,
    summary: project.summary,
    stage: project.stage,
    status: project.status,
    startDate: project.startDate ?? '',
    endDate: project.endDate ?? '',
    levers: project.levers,
    policyFrames: project.policyFrames,
    partners: project.partners.map(({ organisationId, role }) => ({ organisationId, role })),
  };
}

const partnerKey = (p: ProjectPartnerInput) => `${p.organisationId}:${p.role}`;

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    const keys = (list: unknown[]) => list.map((v) => (typeof v === 'string' ? v : partnerKey(v as ProjectPartnerInput)));
    const left = keys(a);
    const right = keys(b);
    return left.length === right.length && left.every((v) => right.includes(v));
  }
  return a === b;
}

/** The changed fields since `baseline`, with the version the edit started from (an UpdateProjectRequest candidate). */
export function projectChanges(values: ProjectFormValues, baseline: ProjectFormValues, version: number) {
  const changes: Partial<Record<keyof UpdateProjectRequest, unknown>> = {};
  for (const field of PROJECT_FIELDS) {
    if (same(values[field], baseline[field])) continue;
    const value = values[field];
    changes[field] = field === 'startDate' || field === 'endDate' ? (value === '' ? null : value) : value;
  }
  return { changes, dirty: Object.keys(changes).length > 0, request: { version, ...changes } };
}
