import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type {
  CreateOrganisationRequest,
  OrganisationListQuery,
  OrganisationView,
  UpdateOrganisationRequest,
} from '@concerto/domain';
import { Account } from '../auth/account.entity.js';
import { badRequest, conflict, forbidden, notFound } from '../common/api-exception.js';
import { Organisation } from './organisation.entity.js';

export function toOrganisationView(o: Organisation): OrganisationView {
  return {
    id: o.id,
    kind: o.kind,
    name: o.name,
    territory: o.territory,
    collectiviteLevel: o.collectiviteLevel,
    structureKind: o.structureKind,
  };
}

@Injectable()
export class OrganisationsService {
  constructor(
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
    @InjectRepository(Account) private readonly accounts: Repository<Account>,
  ) {}

  async list(query: OrganisationListQuery): Promise<OrganisationView[]> {
    const qb = this.organisations.createQueryBuilder('o').orderBy('o.name').limit(500);
    if (query.kind) qb.andWhere('o.kind = :kind', { kind: query.kind });
    if (query.q) qb.andWhere(`o.name ILIKE :q ESCAPE '\\'`, { q: `%${query.q.replace(/[\\%_]/g, '\\$&')}%` });
    return (await qb.getMany()).map(toOrganisationView);
  }

  async get(id: string): Promise<OrganisationView> {
    const organisation = await this.organisations.findOneBy({ id });
    if (!organisation) throw notFound();
    return toOrganisationView(organisation);
  }

  /** Any signed-in person may add an organisation to the directory; its creator joins it if they have none. */
  async create(request: CreateOrganisationRequest, accountId: string): Promise<OrganisationView> {
    const inserted = await this.organisations
      .createQueryBuilder()
      .insert()
      .values({
        kind: request.kind,
        name: request.name,
        territory: request.territory ?? '',
        collectiviteLevel: request.kind === 'collectivite' ? request.collectiviteLevel : null,
        structureKind: request.kind === 'member_structure' ? request.structureKind : null,
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    const id = inserted.raw[0]?.id as string | undefined;
    if (!id) throw conflict('organisation_exists');
    await this.accounts
      .createQueryBuilder()
      .update()
      .set({ organisationId: id })
      .where('id = :accountId AND organisation_id IS NULL', { accountId })
      .execute();
    return this.get(id);
  }

  /** Only people who belong to an organisation may edit it; the kind-specific field must match the kind. */
  async update(id: string, changes: UpdateOrganisationRequest, accountId: string): Promise<OrganisationView> {
    const organisation = await this.organisations.findOneBy({ id });
    if (!organisation) throw notFound();
    const member = await this.accounts.exists({ where: { id: accountId, organisationId: id } });
    if (!member) throw forbidden('organisation_not_editable');
    if (changes.collectiviteLevel && organisation.kind !== 'collectivite') {
      throw badRequest([{ path: 'collectiviteLevel', message: 'Only a collectivité has a level' }]);
    }
    if (changes.structureKind && organisation.kind !== 'member_structure') {
      throw badRequest([{ path: 'structureKind', message: 'Only a member structure has a kind' }]);
    }
    await this.organisations.update({ id }, changes);
    return this.get(id);
  }
}
