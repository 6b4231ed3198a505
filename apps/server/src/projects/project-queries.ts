import type { EntityManager } from 'typeorm';
import type {
  FundingLineView,
  IndicatorView,
  MilestoneView,
  ProjectChangeView,
  ProjectListQuery,
  ProjectSummary,
} from '@concerto/domain';

const day = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

const SUMMARY_SELECT = `
  SELECT p.id, p.space_id, p.title, p.summary, p.stage, p.status,
         ${day('p.start_date')} AS start_date, ${day('p.end_date')} AS end_date,
         p.levers, p.policy_frames, p.version, p.updated_at,
         coalesce((SELECT json_agg(json_build_object('organisationId', o.id, 'name', o.name, 'kind', o.kind, 'role', pp.role)
                                   ORDER BY o.name, pp.role)
                     FROM project_partner pp JOIN organisation o ON o.id = pp.organisation_id
                    WHERE pp.project_id = p.id), '[]') AS partners,
         m.milestone_count, m.milestones_done,
         coalesce(f.requested, 0) AS requested, coalesce(f.secured, 0) AS secured, coalesce(f.paid, 0) AS paid,
         coalesce(f.funder_ids, '{}') AS funder_ids
    FROM project p
    LEFT JOIN LATERAL (SELECT count(*)::int AS milestone_count, (count(*) FILTER (WHERE done))::int AS milestones_done
                         FROM project_milestone WHERE project_id = p.id) m ON true
    LEFT JOIN LATERAL (SELECT sum(amount_cents) FILTER (WHERE status = 'requested') AS requested,
                              sum(amount_cents) FILTER (WHERE status = 'secured') AS secured,
                              sum(amount_cents) FILTER (WHERE status = 'paid') AS paid,
                              array_agg(DISTINCT funder_id::text) AS funder_ids
                         FROM funding_line WHERE project_id = p.id) f ON true`;

interface SummaryRow {
  id: string;
  space_id: string;
  title: string;
  summary: string;
  stage: ProjectSummary['stage'];
  status: ProjectSummary['status'];
  start_date: string | null;
  end_date: string | null;
  levers: ProjectSummary['levers'];
  policy_frames: ProjectSummary['policyFrames'];
  version: number;
  updated_at: Date;
  partners: ProjectSummary['partners'];
  milestone_count: number;
  milestones_done: number;
  requested: string;
  secured: string;
  paid: string;
  funder_ids: string[];
}

function toSummary(row: SummaryRow): ProjectSummary {
  return {
    id: row.id,
    spaceId: row.space_id,
    title: row.title,
    summary: row.summary,
    stage: row.stage,
    status: row.status,
    startDate: row.start_date,
    endDate: row.end_date,
    levers: row.levers,
    policyFrames: row.policy_frames,
    partners: row.partners,
    milestoneCount: row.milestone_count,
    milestonesDone: row.milestones_done,
    progress: row.milestone_count === 0 ? null : row.milestones_done / row.milestone_count,
    funding: { requestedCents: Number(row.requested), securedCents: Number(row.secured), paidCents: Number(row.paid) },
    funderIds: row.funder_ids,
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The space's projects for the board, filtered by lever, partner, funder, stage or status. */
export async function listProjectSummaries(db: EntityManager, spaceId: string, filters: ProjectListQuery): Promise<ProjectSummary[]> {
  const where = ['p.space_id = $1'];
  const params: unknown[] = [spaceId];
  const add = (condition: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(condition(`$${params.length}`));
  };
  if (filters.lever) add((n) => `${n} = ANY(p.levers)`, filters.lever);
  if (filters.stage) add((n) => `p.stage = ${n}`, filters.stage);
  if (filters.status) add((n) => `p.status = ${n}`, filters.status);
  if (filters.partnerId) add((n) => `EXISTS (SELECT 1 FROM project_partner WHERE project_id = p.id AND organisation_id = ${n})`, filters.partnerId);
  if (filters.funderId) add((n) => `EXISTS (SELECT 1 FROM funding_line WHERE project_id = p.id AND funder_id = ${n})`, filters.funderId);
  const rows: SummaryRow[] = await db.query(`${SUMMARY_SELECT} WHERE ${where.join(' AND ')} ORDER BY p.title, p.id`, params);
  return rows.map(toSummary);
}

export async function findProjectSummary(db: EntityManager, spaceId: string, projectId: string): Promise<ProjectSummary | undefined> {
  const rows: SummaryRow[] = await db.query(`${SUMMARY_SELECT} WHERE p.space_id = $1 AND p.id = $2`, [spaceId, projectId]);
  return rows[0] ? toSummary(rows[0]) : undefined;
}

export async function listMilestones(db: EntityManager, projectId: string): Promise<MilestoneView[]> {
  return db.query(
    `SELECT id, title, ${day('due_date')} AS "dueDate", done, position
       FROM project_milestone WHERE project_id = $1 ORDER BY position, created_at`,
    [projectId],
  );
}

export async function listIndicators(db: EntityManager, projectId: string): Promise<IndicatorView[]> {
  const rows: (Omit<IndicatorView, 'value'> & { value: string })[] = await db.query(
    `SELECT id, kind, label, unit, ${day('measured_on')} AS "measuredOn", value
       FROM project_indicator WHERE project_id = $1 ORDER BY measured_on, created_at`,
    [projectId],
  );
  return rows.map((r) => ({ ...r, value: Number(r.value) }));
}

const FUNDING_SELECT = `
  SELECT f.id, f.project_id, f.funder_id, o.name AS funder_name, f.funder_level, f.year, f.amount_cents, f.kind,
         f.instrument, f.status, f.version, f.updated_at
    FROM funding_line f JOIN organisation o ON o.id = f.funder_id`;

interface FundingRow {
  id: string;
  project_id: string;
  funder_id: string;
  funder_name: string;
  funder_level: FundingLineView['funderLevel'];
  year: number;
  amount_cents: string;
  kind: FundingLineView['kind'];
  instrument: string;
  status: FundingLineView['status'];
  version: number;
  updated_at: Date;
}

const toFundingLineView = (r: FundingRow): FundingLineView => ({
  id: r.id,
  projectId: r.project_id,
  funder: { id: r.funder_id, name: r.funder_name },
  funderLevel: r.funder_level,
  year: r.year,
  amountCents: Number(r.amount_cents),
  kind: r.kind,
  instrument: r.instrument,
  status: r.status,
  version: r.version,
  updatedAt: r.updated_at.toISOString(),
});

export async function listFundingLines(db: EntityManager, projectId: string): Promise<FundingLineView[]> {
  const rows: FundingRow[] = await db.query(`${FUNDING_SELECT} WHERE f.project_id = $1 ORDER BY f.year, o.name, f.created_at`, [projectId]);
  return rows.map(toFundingLineView);
}

export async function findFundingLine(db: EntityManager, projectId: string, fundingLineId: string): Promise<FundingLineView | undefined> {
  const rows: FundingRow[] = await db.query(`${FUNDING_SELECT} WHERE f.project_id = $1 AND f.id = $2`, [projectId, fundingLineId]);
  return rows[0] ? toFundingLineView(rows[0]) : undefined;
}

export async function listProjectChanges(db: EntityManager, projectId: string): Promise<ProjectChangeView[]> {
  const rows: { id: string; at: Date; account_id: string | null; display_name: string | null; action: ProjectChangeView['action']; details: Record<string, unknown> }[] =
    await db.query(
      `SELECT c.id::text AS id, c.at, c.account_id, a.display_name, c.action, c.details
         FROM project_change c LEFT JOIN account a ON a.id = c.account_id
        WHERE c.project_id = $1 ORDER BY c.id DESC LIMIT 500`,
      [projectId],
    );
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    author: r.account_id ? { id: r.account_id, displayName: r.display_name ?? '' } : null,
    action: r.action,
    details: r.details,
  }));
}
