import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { CollectiviteLevel, OrganisationKind, OrganisationListQuery, OrganisationView, StructureKind, UpdateOrganisationRequest } from '@concerto/domain';
import { Organisation } from './organisation.entity.js';

function mapOrganisation(o: Organisation): OrganisationView {
  return {
    id: o.id,
    kind: o.kind,
    name: o.name,
    territory: o.territory,
    collectiviteLevel: o.collectiviteLevel,
    structureKind: o.structureKind,
  };
}

export interface NewOrganisation {
  kind: OrganisationKind;
  name: string;
  territory: string;
  collectiviteLevel: CollectiviteLevel | null;
  structureKind: StructureKind | null;
}

/**
 * The `organisation` table and who belongs to an organisation (`account.organisation_id`). Organisations come back
 * in their API shape; reads and writes go through the data source, or through the transaction passed as the last argument.
 */
@Injectable()
export class OrganisationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * At most 500, by name in French collation (« Écopôle » among the E's, case and accents aside); `q` is matched
   * literally anywhere in the name, whatever the case.
   */
  async list(query: OrganisationListQuery, db: EntityManager = this.dataSource.manager): Promise<OrganisationView[]> {
    const qb = db.getRepository(Organisation).createQueryBuilder('o').orderBy(`o.name COLLATE "fr-x-icu"`).addOrderBy('o.id').limit(500);
    if (query.kind) qb.andWhere('o.kind = :kind', { kind: query.kind });
    if (query.q) qb.andWhere(`o.name ILIKE :q ESCAPE '\\'`, { q: `%${query.q.replace(/[\\%_]/g, '\\$&')}%` });
    return (await qb.getMany()).map(mapOrganisation);
  }

  async find(id: string, db: EntityManager = this.dataSource.manager): Promise<OrganisationView | undefined> {
    const organisation = await db.getRepository(Organisation).findOneBy({ id });
    return organisation ? mapOrganisation(organisation) : undefined;
  }

  exists(id: string, db: EntityManager = this.dataSource.manager): Promise<boolean> {
    return db.getRepository(Organisation).exists({ where: { id } });
  }

  /** Returns the new organisation's id, or undefined when one of that kind already has the name (whatever its case). */
  async insertUnlessNamed(organisation: NewOrganisation, db: EntityManager = this.dataSource.manager): Promise<string | undefined> {
    const rows: { id: string }[] = await db.query(
      `INSERT INTO organisation (kind, name, territory, collectivite_level, structure_kind)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING id`,
      [organisation.kind, organisation.name, organisation.territory, organisation.collectiviteLevel, organisation.structureKind],
    );
    return rows[0]?.id;
  }

  async update(id: string, changes: UpdateOrganisationRequest, db: EntityManager = this.dataSource.manager): Promise<void> {
    await db.getRepository(Organisation).update({ id }, changes);
  }

  /** Makes the account a member of the organisation, unless it already belongs to one. */
  async joinIfNone(accountId: string, organisationId: string, db: EntityManager = this.dataSource.manager): Promise<void> {
    await db.query(`UPDATE account SET organisation_id = $1, updated_at = now() WHERE id = $2 AND organisation_id IS NULL`, [organisationId, accountId]);
  }

  async isMember(accountId: string, organisationId: string, db: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows: unknown[] = await db.query(`SELECT 1 FROM account WHERE id = $1 AND organisation_id = $2`, [accountId, organisationId]);
    return rows.length > 0;
  }
}
