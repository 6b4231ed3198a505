import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CreateFundingLineRequest, FunderLevel, FundingLineView, UpdateFundingLineRequest } from '@concerto/domain';
import { conflict, notFound } from '../common/api-exception.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { FundingRepository } from './funding.repository.js';
import { ProjectItemChangesService } from './project-item-changes.service.js';
import { fundingChanged } from './project-notifications.js';
import { ProjectRecipientsRepository } from './project-recipients.repository.js';
import { checkFunderLevel, requireOrganisations } from './project-rules.js';
import { ProjectsRepository } from './projects.repository.js';

/** What the timeline keeps of a funding line. */
const describe = (line: FundingLineView) => ({
  funderLevel: line.funderLevel,
  year: line.year,
  amountCents: line.amountCents,
  kind: line.kind,
  status: line.status,
});

const fundingLine = (id: string, op: 'created' | 'updated' | 'deleted') => ({ entity: 'funding_line', id, op }) as const;

@Injectable()
export class FundingService {
  constructor(
    private readonly funding: FundingRepository,
    private readonly projects: ProjectsRepository,
    private readonly changes: ProjectItemChangesService,
    private readonly recipients: ProjectRecipientsRepository,
    private readonly notifications: NotificationsService,
  ) {}

  async create(spaceId: string, projectId: string, body: CreateFundingLineRequest, accountId: string): Promise<FundingLineView> {
    return this.changes.apply({ spaceId, projectId, accountId }, 'funding_added', async (tx) => {
      const id = await this.insert(tx, projectId, body, accountId);
      const created = (await this.funding.find(projectId, id, tx))!;
      await this.notifyFunders(tx, { spaceId, projectId, accountId }, created, [created.funder.id], 'added');
      return {
        result: created,
        details: { funder: created.funder.name, ...describe(created) },
        notice: fundingLine(id, 'created'),
      };
    });
  }

  /** Inserts a checked funding line inside the caller's transaction (also used by the CSV import). */
  async insert(tx: EntityManager, projectId: string, body: CreateFundingLineRequest, accountId: string): Promise<string> {
    await this.checkFunder(tx, body.funderId, body.funderLevel, body.year);
    return this.funding.insert(projectId, body, accountId, tx);
  }

  async update(spaceId: string, projectId: string, fundingLineId: string, body: UpdateFundingLineRequest, accountId: string) {
    return this.changes.apply({ spaceId, projectId, accountId }, 'funding_updated', async (tx) => {
      const before = await this.funding.find(projectId, fundingLineId, tx);
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
      if (body.funderId !== undefined || body.funderLevel !== undefined || body.year !== undefined)
        await this.checkFunder(tx, next.funderId, next.funderLevel, next.year);
      await this.funding.update(fundingLineId, next, tx);
      const after = (await this.funding.find(projectId, fundingLineId, tx))!;
      await this.notifyFunders(tx, { spaceId, projectId, accountId }, after, [before.funder.id, after.funder.id], 'updated');
      const details: Record<string, unknown> = { funder: after.funder.name };
      const [b, a] = [describe(before), describe(after)];
      for (const key of Object.keys(a) as (keyof typeof a)[]) if (a[key] !== b[key]) details[key] = [b[key], a[key]];
      if (before.funder.id !== after.funder.id) details.funder = [before.funder.name, after.funder.name];
      return {
        result: after,
        details,
        notice: fundingLine(fundingLineId, 'updated'),
      };
    });
  }

  async remove(spaceId: string, projectId: string, fundingLineId: string, accountId: string): Promise<void> {
    await this.changes.apply({ spaceId, projectId, accountId }, 'funding_removed', async (tx) => {
      const before = await this.funding.find(projectId, fundingLineId, tx);
      if (!before) throw notFound();
      await this.funding.delete(fundingLineId, tx);
      await this.notifyFunders(tx, { spaceId, projectId, accountId }, before, [before.funder.id], 'removed');
      return {
        result: undefined,
        details: { funder: before.funder.name, ...describe(before) },
        notice: fundingLine(fundingLineId, 'deleted'),
      };
    });
  }

  /** The funder's accounts and the project's partners' hear of a line of theirs. */
  private async notifyFunders(
    tx: EntityManager,
    target: { spaceId: string; projectId: string; accountId: string },
    line: FundingLineView,
    funderIds: string[],
    change: 'added' | 'updated' | 'removed',
  ): Promise<void> {
    const project = { spaceId: target.spaceId, projectId: target.projectId, title: await this.recipients.projectTitle(target.projectId, tx) };
    const facts = { id: line.id, funder: line.funder.name, year: line.year, amountCents: line.amountCents };
    const recipients = await this.recipients.fundingAccounts(target.projectId, funderIds, tx);
    await this.notifications.notify({ ...fundingChanged(project, facts, change, target.accountId, recipients), db: tx });
  }

  /** The funder must exist and the declared level be consistent with it. */
  private async checkFunder(tx: EntityManager, funderId: string, funderLevel: FunderLevel, year: number): Promise<void> {
    const found = requireOrganisations([funderId], await this.projects.findOrganisations([funderId], tx), 'funderId');
    checkFunderLevel(found.get(funderId)!, funderLevel, year);
  }
}
