import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { CreateFundingLineRequest, FunderLevel, FundingLineView, UpdateFundingLineRequest } from '@concerto/domain';
import { ApiException, conflict, notFound } from '../common/api-exception.js';
import { EventsPublisher } from '../events/events-publisher.js';
import { findFundingLine } from './project-queries.js';
import { lockProject, recordChange, requireOrganisations, touchProject } from './project-writes.js';

/** The level a funder must be declared at: a collectivité's own level, `other` for any other organisation. */
export function expectedFunderLevel(organisation: { kind: string; level: string | null }): FunderLevel {
  return organisation.kind === 'collectivite' && organisation.level ? (organisation.level as FunderLevel) : 'other';
}

/** Checks that the funder exists and that the declared level is consistent with it. */
export async function checkFunder(tx: EntityManager, funderId: string, funderLevel: FunderLevel): Promise<void> {
  const funder = (await requireOrganisations(tx, [funderId], 'funderId')).get(funderId)!;
  const expected = expectedFunderLevel(funder);
  if (expected !== funderLevel) {
    throw new ApiException(400, 'funder_level_mismatch', [{ path: 'funderLevel', message: `Expected ${expected} for this funder` }]);
  }
}

const describe = (line: { funderLevel: string; year: number; amountCents: number; status: string; kind: string }) => ({
  funderLevel: line.funderLevel,
  year: line.year,
  amountCents: line.amountCents,
  kind: line.kind,
  status: line.status,
});

@Injectable()
export class FundingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsPublisher,
  ) {}

  async create(spaceId: string, projectId: string, body: CreateFundingLineRequest, accountId: string): Promise<FundingLineView> {
    const line = await this.dataSource.transaction(async (tx) => {
      await lockProject(tx, spaceId, projectId);
      const id = await this.insert(tx, projectId, body, accountId);
      const created = (await findFundingLine(tx, projectId, id))!;
      await recordChange(tx, projectId, accountId, 'funding_added', { funder: created.funder.name, ...describe(created) });
      await touchProject(tx, projectId);
      return created;
    });
    this.notify(spaceId, line.id, 'created');
    return line;
  }

  /** Inserts a checked funding line inside the caller's transaction (also used by the CSV import). */
  async insert(tx: EntityManager, projectId: string, body: CreateFundingLineRequest, accountId: string): Promise<string> {
    await checkFunder(tx, body.funderId, body.funderLevel);
    const [row]: { id: string }[] = await tx.query(
      `INSERT INTO funding_line (project_id, funder_id, funder_level, year, amount_cents, kind, instrument, status, created_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [projectId, body.funderId, body.funderLevel, body.year, body.amountCents, body.kind, body.instrument, body.status, accountId],
    );
    return row.id;
  }

  async update(spaceId: string, projectId: string, fundingLineId: string, body: UpdateFundingLineRequest, accountId: string) {
    const line = await this.dataSource.transaction(async (tx) => {
      await lockProject(tx, spaceId, projectId);
      const before = await findFundingLine(tx, projectId, fundingLineId);
      if (!before) throw notFound();
      if (before.version !== body.version) throw conflict('version_conflict');
      const next = {
        funderId: body.funderId ?? before.funder.id,
        funderLevel: body.funderLevel ?? before.funderLevel,
        year: body.year ?? before.year,
        amountCents: body.amountCents ?? before.amountCents,
        kind: body.kind ?? before.kind,
        instrument: body.instrument ?? before.instrument,
        status: body.status ?? before.status,
      };
      if (body.funderId !== undefined || body.funderLevel !== undefined) await checkFunder(tx, next.funderId, next.funderLevel);
      await tx.query(
        `UPDATE funding_line SET funder_id = $2, funder_level = $3, year = $4, amount_cents = $5, kind = $6, instrument = $7,
                status = $8, version = version + 1, updated_at = now()
          WHERE id = $1`,
        [fundingLineId, next.funderId, next.funderLevel, next.year, next.amountCents, next.kind, next.instrument, next.status],
      );
      const after = (await findFundingLine(tx, projectId, fundingLineId))!;
      const changes: Record<string, unknown> = { funder: after.funder.name };
      const [b, a] = [describe(before), describe(after)];
      for (const key of Object.keys(a) as (keyof typeof a)[]) if (a[key] !== b[key]) changes[key] = [b[key], a[key]];
      if (before.funder.id !== after.funder.id) changes.funder = [before.funder.name, after.funder.name];
      await recordChange(tx, projectId, accountId, 'funding_updated', changes);
      await touchProject(tx, projectId);
      return after;
    });
    this.notify(spaceId, fundingLineId, 'updated');
    return line;
  }

  async remove(spaceId: string, projectId: string, fundingLineId: string, accountId: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      await lockProject(tx, spaceId, projectId);
      const before = await findFundingLine(tx, projectId, fundingLineId);
      if (!before) throw notFound();
      await tx.query(`DELETE FROM funding_line WHERE id = $1`, [fundingLineId]);
      await recordChange(tx, projectId, accountId, 'funding_removed', { funder: before.funder.name, ...describe(before) });
      await touchProject(tx, projectId);
    });
    this.notify(spaceId, fundingLineId, 'deleted');
  }

  private notify(spaceId: string, fundingLineId: string, op: 'created' | 'updated' | 'deleted'): void {
    this.events.notify({ spaceId, entity: 'funding_line', id: fundingLineId, op });
  }
}
