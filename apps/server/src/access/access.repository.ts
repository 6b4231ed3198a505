import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { SessionStatus, SpaceRole } from '@concerto/domain';
import type { SessionStanding } from './session-roles.js';
import { preparedQuery } from '../database/prepared-query.js';

interface StandingRow {
  session_id: string;
  space_id: string;
  status: SessionStatus;
  member_role: SpaceRole | null;
  guest: boolean;
  participant: boolean;
  account_id: string;
}

const toStanding = (row: StandingRow): SessionStanding => ({
  sessionId: row.session_id,
  spaceId: row.space_id,
  status: row.status,
  memberRole: row.member_role,
  guest: row.guest,
  participant: row.participant,
});

/** Where the pole-profile rule looks: the caller's best role in the pole's spaces, and in its main space. */
export interface PoleStanding {
  poleId: string;
  animatesPole: boolean;
  mainSpaceRole: SpaceRole | null;
}

/** Where the collectivité-level rule looks: whether some space names the organisation, and the caller's standing. */
export interface OrganisationStanding {
  /** A project partner, a funder of a funding line, a collectivité related to a pole or named by a testimony. */
  namedInSpaces: boolean;
  /** The caller animates one of the spaces that name it. */
  animatesNamingSpace: boolean;
  /** The caller belongs to the organisation. */
  member: boolean;
}

/**
 * The SQL behind access decisions: memberships of spaces and participations in sessions. Only the access policy
 * uses it; other areas read and write memberships for what they show and manage, never to decide access.
 */
@Injectable()
export class AccessRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Roles of some accounts in one space. */
  async spaceRoles(spaceId: string, accountIds: string[], db?: EntityManager): Promise<Map<string, SpaceRole>> {
    if (accountIds.length === 0) return new Map();
    const sql = `SELECT account_id, role FROM space_membership WHERE space_id = $1 AND account_id = ANY($2::uuid[])`;
    // Asked at every co-editing join: a prepared statement on the pool, unless inside the caller's transaction.
    const rows: { account_id: string; role: SpaceRole }[] = db
      ? await db.query(sql, [spaceId, accountIds])
      : await preparedQuery(this.dataSource, 'access-space-roles', sql, [spaceId, accountIds]);
    return new Map(rows.map((r) => [r.account_id, r.role]));
  }

  /** The spaces an account belongs to, whatever its role. */
  async spacesOfAccount(accountId: string, db: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows: { space_id: string }[] = await db.query(`SELECT space_id FROM space_membership WHERE account_id = $1`, [accountId]);
    return rows.map((r) => r.space_id);
  }

  /** The poles of some spaces, each once. */
  async polesOfSpaces(spaceIds: readonly string[], db: EntityManager = this.dataSource.manager): Promise<string[]> {
    if (spaceIds.length === 0) return [];
    const rows: { pole_id: string }[] = await db.query(`SELECT DISTINCT pole_id FROM space WHERE id = ANY($1::uuid[])`, [spaceIds]);
    return rows.map((r) => r.pole_id);
  }

  /** The space a project belongs to. */
  async spaceOfProject(projectId: string): Promise<string | undefined> {
    const rows: { space_id: string }[] = await this.dataSource.query(`SELECT space_id FROM project WHERE id = $1`, [projectId]);
    return rows[0]?.space_id;
  }

  /** The space a testimony belongs to. */
  async spaceOfTestimony(testimonyId: string): Promise<string | undefined> {
    const rows: { space_id: string }[] = await this.dataSource.query(`SELECT space_id FROM testimony WHERE id = $1`, [testimonyId]);
    return rows[0]?.space_id;
  }

  /** The space an analysis chapter belongs to. */
  async spaceOfAnalysis(analysisId: string): Promise<string | undefined> {
    const rows: { space_id: string }[] = await this.dataSource.query(`SELECT space_id FROM analysis WHERE id = $1`, [analysisId]);
    return rows[0]?.space_id;
  }

  /** Each account's standing in a session (accounts with none are left out); none at all when there is no such session. */
  async sessionStandings(sessionId: string, accountIds: string[], db: EntityManager = this.dataSource.manager): Promise<Map<string, SessionStanding>> {
    if (accountIds.length === 0) return new Map();
    const rows: StandingRow[] = await db.query(
      `SELECT cs.id AS session_id, cs.space_id, cs.status, a.id AS account_id, m.role AS member_role,
              coalesce(p.kind = 'guest', false) AS guest, coalesce(p.kind = 'participant', false) AS participant
         FROM concertation_session cs
         CROSS JOIN unnest($2::uuid[]) AS a(id)
         LEFT JOIN space_membership m ON m.space_id = cs.space_id AND m.account_id = a.id
         LEFT JOIN session_participant p ON p.session_id = cs.id AND p.account_id = a.id
        WHERE cs.id = $1 AND (m.role IS NOT NULL OR p.kind IN ('guest', 'participant'))`,
      [sessionId, accountIds],
    );
    return new Map(rows.map((r) => [r.account_id, toStanding(r)]));
  }

  /** The concertation sessions the account is a guest of (it sees them without being a member of their space). */
  async guestSessionsOf(accountId: string, db: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows: { session_id: string }[] = await db.query(`SELECT session_id FROM session_participant WHERE account_id = $1 AND kind = 'guest'`, [accountId]);
    return rows.map((r) => r.session_id);
  }

  /** Whether the account is animateur of at least one space of the pole. */
  async animatesPole(poleId: string, accountId: string, db: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows: unknown[] = await db.query(
      `SELECT 1 FROM space s JOIN space_membership m ON m.space_id = s.id
        WHERE s.pole_id = $1 AND m.account_id = $2 AND m.role = 'animateur' LIMIT 1`,
      [poleId, accountId],
    );
    return rows.length > 0;
  }

  /** The poles the account works on (member of one of their spaces), and whether it animates one of those spaces. */
  async polesOfAccount(accountId: string): Promise<Map<string, boolean>> {
    const rows: { pole_id: string; animates: boolean }[] = await this.dataSource.query(
      `SELECT s.pole_id, bool_or(m.role = 'animateur') AS animates
         FROM space s JOIN space_membership m ON m.space_id = s.id AND m.account_id = $1
        GROUP BY s.pole_id`,
      [accountId],
    );
    return new Map(rows.map((r) => [r.pole_id, r.animates]));
  }

  /**
   * The pole of a space, whether the account animates any space of that pole, and its role in the pole's main
   * space (the pole's first space, opened with it).
   */
  async poleStanding(spaceId: string, accountId: string): Promise<PoleStanding | undefined> {
    const rows: { pole_id: string; animates_pole: boolean; main_space_role: SpaceRole | null }[] = await this.dataSource.query(
      `WITH pole_of AS (SELECT pole_id FROM space WHERE id = $1),
            main_space AS (SELECT s.id FROM space s JOIN pole_of USING (pole_id) ORDER BY s.created_at, s.id LIMIT 1)
       SELECT (SELECT pole_id FROM pole_of) AS pole_id,
              EXISTS (SELECT 1 FROM space s JOIN pole_of USING (pole_id)
                        JOIN space_membership m ON m.space_id = s.id AND m.account_id = $2 AND m.role = 'animateur') AS animates_pole,
              (SELECT m.role FROM main_space JOIN space_membership m ON m.space_id = main_space.id AND m.account_id = $2) AS main_space_role`,
      [spaceId, accountId],
    );
    const row = rows[0];
    if (!row?.pole_id) return undefined;
    return { poleId: row.pole_id, animatesPole: row.animates_pole, mainSpaceRole: row.main_space_role };
  }

  async organisationStanding(organisationId: string, accountId: string, db: EntityManager = this.dataSource.manager): Promise<OrganisationStanding> {
    const [row]: { named: boolean; animates: boolean; member: boolean }[] = await db.query(
      `WITH naming AS (
         SELECT p.space_id FROM project_partner pp JOIN project p ON p.id = pp.project_id WHERE pp.organisation_id = $1
         UNION SELECT p.space_id FROM funding_line l JOIN project p ON p.id = l.project_id WHERE l.funder_id = $1
         UNION SELECT s.id FROM collectivite_relation r JOIN space s ON s.pole_id = r.pole_id WHERE r.organisation_id = $1
         UNION SELECT t.space_id FROM testimony_collectivite tc JOIN testimony t ON t.id = tc.testimony_id WHERE tc.organisation_id = $1
       )
       SELECT EXISTS (SELECT 1 FROM naming) AS named,
              EXISTS (SELECT 1 FROM naming n JOIN space_membership m ON m.space_id = n.space_id
                       WHERE m.account_id = $2 AND m.role = 'animateur') AS animates,
              EXISTS (SELECT 1 FROM account WHERE id = $2 AND organisation_id = $1) AS member`,
      [organisationId, accountId],
    );
    return { namedInSpaces: row.named, animatesNamingSpace: row.animates, member: row.member };
  }

  /** Which of these poles the account reads in the observatory: the poles of the spaces it belongs to. */
  async polesInScope(accountId: string, poleIds: string[], db: EntityManager = this.dataSource.manager): Promise<Set<string>> {
    if (poleIds.length === 0) return new Set();
    const rows: { pole_id: string }[] = await db.query(
      `SELECT DISTINCT s.pole_id FROM space s JOIN space_membership m ON m.space_id = s.id AND m.account_id = $1 WHERE s.pole_id = ANY($2::uuid[])`,
      [accountId, poleIds],
    );
    return new Set(rows.map((r) => r.pole_id));
  }

  /** The owner of a saved sample selection. */
  async selectionOwner(selectionId: string, db: EntityManager = this.dataSource.manager): Promise<string | undefined> {
    const rows: { account_id: string }[] = await db.query(`SELECT account_id FROM sample_selection WHERE id = $1`, [selectionId]);
    return rows[0]?.account_id;
  }
}
