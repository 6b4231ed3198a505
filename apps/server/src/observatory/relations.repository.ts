import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { CreateRelationRequest, RelationView } from '@concerto/domain';
import { changedRows } from '../database/changed-rows.js';

const SELECT = `
  SELECT r.id, r.year, r.evolution, r.cause, o.id AS organisation_id, o.name AS organisation_name, o.collectivite_level
    FROM collectivite_relation r JOIN organisation o ON o.id = r.organisation_id
    JOIN space s ON s.pole_id = r.pole_id`;

interface RelationRow {
  id: string;
  year: number;
  evolution: RelationView['evolution'];
  cause: string;
  organisation_id: string;
  organisation_name: string;
  collectivite_level: string | null;
}

const mapRelationRow = (r: RelationRow): RelationView => ({
  id: r.id,
  organisation: { id: r.organisation_id, name: r.organisation_name, collectiviteLevel: r.collectivite_level },
  year: r.year,
  evolution: r.evolution,
  cause: r.cause,
});

/** The SQL of `collectivite_relation`: a relation belongs to the pole, reached through any of its spaces. */
@Injectable()
export class RelationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(spaceId: string, db: EntityManager = this.dataSource.manager): Promise<RelationView[]> {
    const rows: RelationRow[] = await db.query(`${SELECT} WHERE s.id = $1 ORDER BY r.year DESC, o.name`, [spaceId]);
    return rows.map(mapRelationRow);
  }

  async find(spaceId: string, relationId: string, db: EntityManager = this.dataSource.manager): Promise<RelationView | undefined> {
    const rows: RelationRow[] = await db.query(`${SELECT} WHERE s.id = $1 AND r.id = $2`, [spaceId, relationId]);
    return rows[0] ? mapRelationRow(rows[0]) : undefined;
  }

  /** The kind of an organisation; undefined when there is none with this id. */
  async organisationKind(organisationId: string, db: EntityManager = this.dataSource.manager): Promise<string | undefined> {
    const rows: { kind: string }[] = await db.query(`SELECT kind FROM organisation WHERE id = $1`, [organisationId]);
    return rows[0]?.kind;
  }

  /** Records the relation for the space's pole; undefined when the pole already has one for this organisation and year. */
  async insert(spaceId: string, body: CreateRelationRequest, accountId: string, db: EntityManager = this.dataSource.manager): Promise<string | undefined> {
    const rows: { id: string }[] = await db.query(
      `INSERT INTO collectivite_relation (pole_id, organisation_id, year, evolution, cause, recorded_by_id)
       SELECT pole_id, $2, $3, $4, $5, $6 FROM space WHERE id = $1
       ON CONFLICT (pole_id, organisation_id, year) DO NOTHING RETURNING id`,
      [spaceId, body.organisationId, body.year, body.evolution, body.cause, accountId],
    );
    return rows[0]?.id;
  }

  /** False when the space's pole has no such relation. */
  async delete(spaceId: string, relationId: string, db: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows = await changedRows(
      db,
      `DELETE FROM collectivite_relation r USING space s WHERE s.id = $1 AND s.pole_id = r.pole_id AND r.id = $2 RETURNING r.id`,
      [spaceId, relationId],
    );
    return rows.length > 0;
  }

  /** Every space of the space's pole (itself included). */
  async poleSpaceIds(spaceId: string, db: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows: { id: string }[] = await db.query(`SELECT id FROM space WHERE pole_id = (SELECT pole_id FROM space WHERE id = $1)`, [spaceId]);
    return rows.map((r) => r.id);
  }
}
