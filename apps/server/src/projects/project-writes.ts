import type { EntityManager } from 'typeorm';
import type { ProjectAction, ProjectPartnerInput } from '@concerto/domain';
import { ApiException, notFound } from '../common/api-exception.js';

export interface LockedProject {
  id: string;
  version: number;
}

/** Locks a project of the space for the rest of the transaction; 404 when it is not in this space. */
export async function lockProject(tx: EntityManager, spaceId: string, projectId: string): Promise<LockedProject> {
  const rows: LockedProject[] = await tx.query(`SELECT id, version FROM project WHERE id = $1 AND space_id = $2 FOR UPDATE`, [
    projectId,
    spaceId,
  ]);
  if (!rows[0]) throw notFound();
  return rows[0];
}

export async function recordChange(
  tx: EntityManager,
  projectId: string,
  accountId: string,
  action: ProjectAction,
  details: Record<string, unknown> = {},
): Promise<void> {
  await tx.query(`INSERT INTO project_change (project_id, account_id, action, details) VALUES ($1, $2, $3, $4)`, [
    projectId,
    accountId,
    action,
    JSON.stringify(details),
  ]);
}

/** A change to a project's items (milestones, indicators, funding) is also a change of the project for the board. */
export async function touchProject(tx: EntityManager, projectId: string): Promise<void> {
  await tx.query(`UPDATE project SET updated_at = now() WHERE id = $1`, [projectId]);
}

/** Every organisation named must exist: a 400 naming the first unknown one otherwise. */
export async function requireOrganisations(tx: EntityManager, ids: string[], path: string): Promise<Map<string, { kind: string; level: string | null }>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows: { id: string; kind: string; collectivite_level: string | null }[] = await tx.query(
    `SELECT id, kind, collectivite_level FROM organisation WHERE id = ANY($1::uuid[])`,
    [unique],
  );
  const found = new Map(rows.map((r) => [r.id, { kind: r.kind, level: r.collectivite_level }]));
  const missing = ids.findIndex((id) => !found.has(id));
  if (missing >= 0) throw new ApiException(400, 'organisation_not_found', [{ path: path.replace('#', String(missing)), message: 'Unknown organisation' }]);
  return found;
}

export async function replacePartners(tx: EntityManager, projectId: string, partners: ProjectPartnerInput[]): Promise<void> {
  await requireOrganisations(tx, partners.map((p) => p.organisationId), 'partners.#.organisationId');
  await tx.query(`DELETE FROM project_partner WHERE project_id = $1`, [projectId]);
  if (partners.length === 0) return;
  await tx.query(
    `INSERT INTO project_partner (project_id, organisation_id, role)
     SELECT $1, unnest($2::uuid[]), unnest($3::text[])`,
    [projectId, partners.map((p) => p.organisationId), partners.map((p) => p.role)],
  );
}
