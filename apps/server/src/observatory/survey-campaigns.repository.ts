import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { SurveyCampaignPole, SurveyResponseStatus } from '@concerto/domain';

/** A campaign with its counts (the summary's raw facts). */
export interface CampaignRow {
  id: string;
  year: number;
  title: string;
  dueOn: string | null;
  openedAt: string;
  openedById: string;
  poles: number;
  respondents: number;
  drafts: number;
}

interface CampaignSqlRow {
  id: string;
  year: number;
  title: string;
  due_on: string | null;
  opened_at: Date;
  opened_by_id: string;
  poles: number;
  respondents: number;
  drafts: number;
}

const mapCampaignRow = (r: CampaignSqlRow): CampaignRow => ({
  id: r.id,
  year: r.year,
  title: r.title,
  dueOn: r.due_on,
  openedAt: r.opened_at.toISOString(),
  openedById: r.opened_by_id,
  poles: r.poles,
  respondents: r.respondents,
  drafts: r.drafts,
});

const CAMPAIGNS = `
  SELECT c.id, c.year, c.title, to_char(c.due_on, 'YYYY-MM-DD') AS due_on, c.opened_at, c.opened_by_id,
         (SELECT count(*)::int FROM survey_campaign_pole cp WHERE cp.campaign_id = c.id) AS poles,
         (SELECT count(*)::int FROM survey_response r WHERE r.campaign_id = c.id AND r.status = 'submitted') AS respondents,
         (SELECT count(*)::int FROM survey_response r WHERE r.campaign_id = c.id AND r.status = 'draft') AS drafts
    FROM survey_campaign c`;

/** Who is asked for a pole's answer: the animateurs of each of its spaces (the link goes to that space). */
export interface PoleAnimateurs {
  poleId: string;
  poleName: string;
  spaceId: string;
  accountIds: string[];
}

/** The SQL of the campaign side of the survey: campaigns, the poles they ask and their response status. */
@Injectable()
export class SurveyCampaignsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Opens a campaign over the poles; undefined when the account already opened one for that year. */
  async insert(
    campaign: { year: number; title: string; dueOn: string | null },
    poleIds: readonly string[],
    accountId: string,
    db: EntityManager = this.dataSource.manager,
  ): Promise<string | undefined> {
    const rows: { id: string }[] = await db.query(
      `INSERT INTO survey_campaign (year, title, due_on, opened_by_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT ON CONSTRAINT survey_campaign_one_per_year DO NOTHING RETURNING id`,
      [campaign.year, campaign.title, campaign.dueOn, accountId],
    );
    const id = rows[0]?.id;
    if (id) await db.query(`INSERT INTO survey_campaign_pole (campaign_id, pole_id) SELECT $1, unnest($2::uuid[])`, [id, poleIds]);
    return id;
  }

  async find(campaignId: string, db: EntityManager = this.dataSource.manager): Promise<CampaignRow | undefined> {
    const rows: CampaignSqlRow[] = await db.query(`${CAMPAIGNS} WHERE c.id = $1`, [campaignId]);
    return rows[0] ? mapCampaignRow(rows[0]) : undefined;
  }

  /** The campaigns an account opened, latest year first. */
  async listOpenedBy(accountId: string, db: EntityManager = this.dataSource.manager): Promise<CampaignRow[]> {
    const rows: CampaignSqlRow[] = await db.query(`${CAMPAIGNS} WHERE c.opened_by_id = $1 ORDER BY c.year DESC`, [accountId]);
    return rows.map(mapCampaignRow);
  }

  /** The poles a campaign asks, with their answer's status and their main space (the first one, opened with the pole). */
  async poles(campaignId: string, db: EntityManager = this.dataSource.manager): Promise<SurveyCampaignPole[]> {
    const rows: {
      pole_id: string;
      name: string;
      territory: string;
      space_id: string | null;
      status: SurveyResponseStatus;
      submitted_at: Date | null;
      last_reminded_at: Date | null;
    }[] = await db.query(
      `SELECT cp.pole_id, po.name, po.territory, coalesce(r.status, 'pending') AS status, r.submitted_at, cp.last_reminded_at,
              (SELECT s.id FROM space s WHERE s.pole_id = cp.pole_id ORDER BY s.created_at, s.id LIMIT 1) AS space_id
         FROM survey_campaign_pole cp JOIN pole po ON po.id = cp.pole_id
         LEFT JOIN survey_response r ON r.campaign_id = cp.campaign_id AND r.pole_id = cp.pole_id
        WHERE cp.campaign_id = $1`,
      [campaignId],
    );
    return rows.map((r) => ({
      poleId: r.pole_id,
      name: r.name,
      territory: r.territory,
      spaceId: r.space_id,
      status: r.status,
      submittedAt: r.submitted_at?.toISOString() ?? null,
      lastRemindedAt: r.last_reminded_at?.toISOString() ?? null,
    }));
  }

  /** The poles of the campaign that have not submitted (a draft is not an answer). */
  async pendingPoles(campaignId: string, db: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows: { pole_id: string }[] = await db.query(
      `SELECT cp.pole_id FROM survey_campaign_pole cp
         LEFT JOIN survey_response r ON r.campaign_id = cp.campaign_id AND r.pole_id = cp.pole_id AND r.status = 'submitted'
        WHERE cp.campaign_id = $1 AND r.id IS NULL`,
      [campaignId],
    );
    return rows.map((r) => r.pole_id);
  }

  async markReminded(campaignId: string, poleIds: readonly string[], db: EntityManager = this.dataSource.manager): Promise<void> {
    await db.query(`UPDATE survey_campaign_pole SET last_reminded_at = now() WHERE campaign_id = $1 AND pole_id = ANY($2::uuid[])`, [campaignId, poleIds]);
  }

  /** For each space of these poles, its animateurs (spaces without one are left out). */
  async animateurs(poleIds: readonly string[], db: EntityManager = this.dataSource.manager): Promise<PoleAnimateurs[]> {
    if (poleIds.length === 0) return [];
    const rows: { pole_id: string; pole_name: string; space_id: string; account_ids: string[] }[] = await db.query(
      `SELECT s.pole_id, po.name AS pole_name, s.id AS space_id, array_agg(m.account_id ORDER BY m.account_id) AS account_ids
         FROM space s JOIN pole po ON po.id = s.pole_id JOIN space_membership m ON m.space_id = s.id AND m.role = 'animateur'
        WHERE s.pole_id = ANY($1::uuid[])
        GROUP BY s.pole_id, po.name, s.id`,
      [poleIds],
    );
    return rows.map((r) => ({ poleId: r.pole_id, poleName: r.pole_name, spaceId: r.space_id, accountIds: r.account_ids }));
  }

  /** Every space of these poles (their rooms hear of the campaign). */
  async spacesOfPoles(poleIds: readonly string[], db: EntityManager = this.dataSource.manager): Promise<string[]> {
    if (poleIds.length === 0) return [];
    const rows: { id: string }[] = await db.query(`SELECT id FROM space WHERE pole_id = ANY($1::uuid[])`, [poleIds]);
    return rows.map((r) => r.id);
  }

  /**
   * Campaigns due within `days` days (in France's days, today included) with the poles that have not submitted: what
   * the scheduled reminder tells.
   */
  async dueSoon(now: Date, days: number, db: EntityManager = this.dataSource.manager): Promise<{ campaign: CampaignRow; poleIds: string[] }[]> {
    const rows: (CampaignSqlRow & { pole_ids: string[] })[] = await db.query(
      `WITH due AS (
         SELECT id FROM survey_campaign
          WHERE due_on BETWEEN ($1::timestamptz AT TIME ZONE 'Europe/Paris')::date AND ($1::timestamptz AT TIME ZONE 'Europe/Paris')::date + $2::int)
       SELECT c.*, ARRAY(SELECT cp.pole_id FROM survey_campaign_pole cp
                          LEFT JOIN survey_response r ON r.campaign_id = cp.campaign_id AND r.pole_id = cp.pole_id AND r.status = 'submitted'
                         WHERE cp.campaign_id = c.id AND r.id IS NULL ORDER BY cp.pole_id) AS pole_ids
         FROM (${CAMPAIGNS}) c WHERE c.id IN (SELECT id FROM due) ORDER BY c.id`,
      [now, days],
    );
    return rows.filter((r) => r.pole_ids.length > 0).map((r) => ({ campaign: mapCampaignRow(r), poleIds: r.pole_ids }));
  }
}
