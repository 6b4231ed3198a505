import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/** A milestone due a reminder, with its project and the accounts of the project's partner organisations. */
export interface MilestoneReminder {
  milestoneId: string;
  title: string;
  dueDate: string;
  projectId: string;
  projectTitle: string;
  spaceId: string;
  recipients: string[];
}

interface MilestoneRow {
  id: string;
  title: string;
  due_date: string;
  project_id: string;
  project_title: string;
  space_id: string;
  recipients: string[];
}

const mapMilestoneRow = (r: MilestoneRow): MilestoneReminder => ({
  milestoneId: r.id,
  title: r.title,
  dueDate: r.due_date,
  projectId: r.project_id,
  projectTitle: r.project_title,
  spaceId: r.space_id,
  recipients: r.recipients,
});

/** The accounts of the organisations that are partners of a project (any role: carrier, partner, funder, support). */
const PARTNER_ACCOUNTS = (project: string) =>
  `SELECT a.id FROM project_partner pp JOIN account a ON a.organisation_id = pp.organisation_id WHERE pp.project_id = ${project}`;

/** « Today » for milestones (dates without time) is the day in France. */
const TODAY = `($1::timestamptz AT TIME ZONE 'Europe/Paris')::date`;

/**
 * Who a project's notifications are addressed to: an account belongs to an organisation (`account.organisation_id`),
 * and "your organisation's project" is a project the organisation is a partner of. The notifications service keeps
 * only members of the project's space.
 */
@Injectable()
export class ProjectRecipientsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The accounts of the project's partner organisations. */
  async partnerAccounts(projectId: string, db: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows: { id: string }[] = await db.query(`SELECT DISTINCT id FROM (${PARTNER_ACCOUNTS('$1')}) p`, [projectId]);
    return rows.map((r) => r.id);
  }

  /** The accounts of these organisations (a funding line's funder) and of the project's partner organisations. */
  async fundingAccounts(projectId: string, organisationIds: string[], db: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows: { id: string }[] = await db.query(`SELECT id FROM account WHERE organisation_id = ANY($2::uuid[]) UNION ${PARTNER_ACCOUNTS('$1')}`, [
      projectId,
      organisationIds,
    ]);
    return rows.map((r) => r.id);
  }

  async projectTitle(projectId: string, db: EntityManager = this.dataSource.manager): Promise<string> {
    const rows: { title: string }[] = await db.query(`SELECT title FROM project WHERE id = $1`, [projectId]);
    return rows[0]?.title ?? '';
  }

  /** Milestones not done whose date is today or within `days` days (in France), with who to tell. */
  async milestonesDue(now: Date, days: number, db: EntityManager = this.dataSource.manager): Promise<MilestoneReminder[]> {
    return this.milestones(`m.due_date BETWEEN ${TODAY} AND ${TODAY} + $2::int`, [now, days], db);
  }

  /** Milestones not done whose date has passed (in France), with who to tell. */
  async milestonesLate(now: Date, db: EntityManager = this.dataSource.manager): Promise<MilestoneReminder[]> {
    return this.milestones(`m.due_date < ${TODAY}`, [now], db);
  }

  private async milestones(when: string, params: unknown[], db: EntityManager): Promise<MilestoneReminder[]> {
    const rows: MilestoneRow[] = await db.query(
      `SELECT m.id, m.title, to_char(m.due_date, 'YYYY-MM-DD') AS due_date, p.id AS project_id, p.title AS project_title, p.space_id,
              ARRAY(SELECT DISTINCT id FROM (${PARTNER_ACCOUNTS('p.id')}) r) AS recipients
         FROM project_milestone m JOIN project p ON p.id = m.project_id
        WHERE NOT m.done AND m.due_date IS NOT NULL AND ${when}
        ORDER BY m.due_date, m.id`,
      params,
    );
    return rows.map(mapMilestoneRow).filter((m) => m.recipients.length > 0);
  }
}
