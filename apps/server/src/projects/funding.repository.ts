import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { CreateFundingLineRequest, FunderLevel, FundingKind, FundingLineView, FundingStatus } from '@concerto/domain';

const FUNDING_SELECT = `
  SELECT f.id, f.project_id, f.funder_id, o.name AS funder_name, f.funder_level, f.year, f.amount_cents, f.kind,
         f.instrument, f.status, f.version, f.updated_at
    FROM funding_line f JOIN organisation o ON o.id = f.funder_id`;

interface FundingRow {
  id: string;
  project_id: string;
  funder_id: string;
  funder_name: string;
  funder_level: FunderLevel;
  year: number;
  /** bigint: pg answers a string. */
  amount_cents: string;
  kind: FundingKind;
  instrument: string;
  status: FundingStatus;
  version: number;
  updated_at: Date;
}

const mapFundingRow = (r: FundingRow): FundingLineView => ({
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

/** A funding line as the CSV export writes it: its project's title and its funder's name. */
export interface FundingExportLine {
  projectTitle: string;
  funderName: string;
  funderLevel: FunderLevel;
  year: number;
  amountCents: number;
  kind: FundingKind;
  instrument: string;
  status: FundingStatus;
}

interface FundingExportRow {
  title: string;
  funder: string;
  funder_level: FunderLevel;
  year: number;
  amount_cents: string;
  kind: FundingKind;
  instrument: string;
  status: FundingStatus;
}

const mapFundingExportRow = (r: FundingExportRow): FundingExportLine => ({
  projectTitle: r.title,
  funderName: r.funder,
  funderLevel: r.funder_level,
  year: r.year,
  amountCents: Number(r.amount_cents),
  kind: r.kind,
  instrument: r.instrument,
  status: r.status,
});

/** The SQL of the `funding_line` table. */
@Injectable()
export class FundingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(projectId: string, db: EntityManager = this.dataSource.manager): Promise<FundingLineView[]> {
    const rows: FundingRow[] = await db.query(`${FUNDING_SELECT} WHERE f.project_id = $1 ORDER BY f.year, o.name, f.created_at`, [projectId]);
    return rows.map(mapFundingRow);
  }

  async find(projectId: string, fundingLineId: string, db: EntityManager = this.dataSource.manager): Promise<FundingLineView | undefined> {
    const rows: FundingRow[] = await db.query(`${FUNDING_SELECT} WHERE f.project_id = $1 AND f.id = $2`, [projectId, fundingLineId]);
    return rows[0] ? mapFundingRow(rows[0]) : undefined;
  }

  /** Returns the new line's id. */
  async insert(projectId: string, line: CreateFundingLineRequest, accountId: string, db: EntityManager = this.dataSource.manager): Promise<string> {
    const [row]: { id: string }[] = await db.query(
      `INSERT INTO funding_line (project_id, funder_id, funder_level, year, amount_cents, kind, instrument, status, created_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [projectId, line.funderId, line.funderLevel, line.year, line.amountCents, line.kind, line.instrument, line.status, accountId],
    );
    return row.id;
  }

  /** Writes every value and bumps the line's version. */
  async update(fundingLineId: string, line: CreateFundingLineRequest, db: EntityManager = this.dataSource.manager): Promise<void> {
    await db.query(
      `UPDATE funding_line SET funder_id = $2, funder_level = $3, year = $4, amount_cents = $5, kind = $6, instrument = $7,
              status = $8, version = version + 1, updated_at = now()
        WHERE id = $1`,
      [fundingLineId, line.funderId, line.funderLevel, line.year, line.amountCents, line.kind, line.instrument, line.status],
    );
  }

  async delete(fundingLineId: string, db: EntityManager = this.dataSource.manager): Promise<void> {
    await db.query(`DELETE FROM funding_line WHERE id = $1`, [fundingLineId]);
  }

  /** Every funding line of the space's projects, by project title, year and funder. */
  async listForExport(spaceId: string, db: EntityManager = this.dataSource.manager): Promise<FundingExportLine[]> {
    const rows: FundingExportRow[] = await db.query(
      `SELECT p.title, o.name AS funder, f.funder_level, f.year, f.amount_cents, f.kind, f.instrument, f.status
         FROM funding_line f JOIN project p ON p.id = f.project_id JOIN organisation o ON o.id = f.funder_id
        WHERE p.space_id = $1 ORDER BY p.title, f.year, o.name`,
      [spaceId],
    );
    return rows.map(mapFundingExportRow);
  }
}
