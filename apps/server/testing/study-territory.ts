import type { FunderLevel } from '@concerto/domain';
import { studyFundingPlan } from '../src/seed/study-funding-plan.js';
import { type ApiClient, buildSpace } from './api-client.js';

export const STUDY_YEAR = 2015;

const FUNDERS: Record<Exclude<FunderLevel, 'other' | 'pnr_petr'>, string> = {
  commune: 'Ville de Grasse',
  epci: 'Communauté d’agglomération du Sicoval',
  department: 'Département du Pas-de-Calais',
  region: 'Région Occitanie',
  state: 'État — DREETS',
  europe: 'Union européenne — FEDER',
};

async function expectStatus(response: Promise<{ status: number; body: any }>, status: number) {
  const r = await response;
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body;
}

/**
 * A territory whose funding lines make the observatory return the study's table for `STUDY_YEAR`: two spaces of
 * `owner`, 29 projects, per level the amounts of `studyFundingPlan()` (some split in two lines of the same year),
 * plus lines that must not count: requested ones, other years.
 */
export async function buildStudyTerritory(
  owner: ApiClient,
  suffix = '',
): Promise<{ spaceIds: string[]; projectIds: string[]; funderIds: Record<string, string> }> {
  const spaceIds = [
    await buildSpace(owner, { title: 'Repères — espace 1', poleName: `Pôle repères A${suffix}` }),
    await buildSpace(owner, { title: 'Repères — espace 2', poleName: `Pôle repères B${suffix}` }),
  ];
  const funderIds: Record<string, string> = {};
  for (const [level, name] of Object.entries(FUNDERS)) {
    funderIds[level] = (
      await expectStatus(owner.post('/api/organisations', { kind: 'collectivite', collectiviteLevel: level, name: `${name}${suffix}` }), 201)
    ).id;
  }
  const plan = studyFundingPlan();
  const projectCount = Math.max(...plan.map((p) => p.amounts.length));
  const projectIds: string[] = [];
  const spaceOf = (i: number) => spaceIds[i % 2];
  for (let i = 0; i < projectCount; i += 1) {
    projectIds.push((await expectStatus(owner.post(`/api/spaces/${spaceOf(i)}/projects`, { title: `Projet repère ${i + 1}` }), 201)).id);
  }
  const addLine = (i: number, level: string, amountCents: number, extra: Record<string, unknown> = {}) =>
    expectStatus(
      owner.post(`/api/spaces/${spaceOf(i)}/projects/${projectIds[i]}/funding-lines`, {
        funderId: funderIds[level],
        funderLevel: level,
        year: STUDY_YEAR,
        amountCents,
        kind: i % 3 === 0 ? 'investment' : 'operating',
        status: i % 2 === 0 ? 'secured' : 'paid',
        ...extra,
      }),
      201,
    );
  for (const { level, amounts } of plan) {
    for (const [i, amount] of amounts.entries()) {
      if (i % 4 === 1 && amount > 1) {
        // Two lines for one project: the median is over what each project received in all.
        const part = Math.floor(amount / 3);
        await addLine(i, level, part, { instrument: 'Fonctionnement' });
        await addLine(i, level, amount - part, { instrument: 'Investissement' });
      } else {
        await addLine(i, level, amount);
      }
    }
    // Not counted: only requested, or another year.
    await addLine(0, level, 9_900_000, { status: 'requested' });
    await addLine(projectCount - 1, level, 5_000_000, { year: STUDY_YEAR - 1 });
  }
  return { spaceIds, projectIds, funderIds };
}
