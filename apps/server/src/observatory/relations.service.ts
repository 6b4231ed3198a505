import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CreateRelationRequest, RelationView } from '@concerto/domain';
import { ApiException, conflict, notFound } from '../common/api-exception.js';
import { changedRows } from '../database/changed-rows.js';
import { EventsPublisher } from '../events/events-publisher.js';

const SELECT = `
  SELECT r.id, r.year, r.evolution, r.cause, o.id AS organisation_id, o.name AS organisation_name, o.collectivite_level
    FROM collectivite_relation r JOIN organisation o ON o.id = r.organisation_id
    JOIN space s ON s.pole_id = r.pole_id`;

interface Row {
  id: string;
  year: number;
  evolution: RelationView['evolution'];
  cause: string;
  organisation_id: string;
  organisation_name: string;
  collectivite_level: string | null;
}

const toView = (r: Row): RelationView => ({
  id: r.id,
  organisation: { id: r.organisation_id, name: r.organisation_name, collectiviteLevel: r.collectivite_level },
  year: r.year,
  evolution: r.evolution,
  cause: r.cause,
});

/** The evolution of each collectivité's relation with the space's pole, recorded per pair and per year. */
@Injectable()
export class RelationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsPublisher,
  ) {}

  async list(spaceId: string): Promise<RelationView[]> {
    const rows: Row[] = await this.dataSource.query(`${SELECT} WHERE s.id = $1 ORDER BY r.year DESC, o.name`, [spaceId]);
    return rows.map(toView);
  }

  async create(spaceId: string, body: CreateRelationRequest, accountId: string): Promise<RelationView> {
    const [organisation]: { kind: string }[] = await this.dataSource.query(`SELECT kind FROM organisation WHERE id = $1`, [body.organisationId]);
    if (!organisation) throw new ApiException(400, 'organisation_not_found', [{ path: 'organisationId', message: 'Unknown organisation' }]);
    if (organisation.kind !== 'collectivite') {
      throw new ApiException(400, 'validation_failed', [{ path: 'organisationId', message: 'Only a collectivité has a relation with the pole' }]);
    }
    const rows: { id: string }[] = await this.dataSource.query(
      `INSERT INTO collectivite_relation (pole_id, organisation_id, year, evolution, cause, recorded_by_id)
       SELECT pole_id, $2, $3, $4, $5, $6 FROM space WHERE id = $1
       ON CONFLICT (pole_id, organisation_id, year) DO NOTHING RETURNING id`,
      [spaceId, body.organisationId, body.year, body.evolution, body.cause, accountId],
    );
    if (!rows[0]) throw conflict('relation_exists');
    await this.notifyPole(spaceId, rows[0].id, 'created');
    const [row]: Row[] = await this.dataSource.query(`${SELECT} WHERE s.id = $1 AND r.id = $2`, [spaceId, rows[0].id]);
    return toView(row);
  }

  async remove(spaceId: string, relationId: string): Promise<void> {
    const rows: { id: string }[] = await changedRows(
      this.dataSource,
      `DELETE FROM collectivite_relation r USING space s WHERE s.id = $1 AND s.pole_id = r.pole_id AND r.id = $2 RETURNING r.id`,
      [spaceId, relationId],
    );
    if (rows.length === 0) throw notFound();
    await this.notifyPole(spaceId, relationId, 'deleted');
  }

  /** A relation is the pole's: every space of the pole is told. */
  private async notifyPole(spaceId: string, relationId: string, op: 'created' | 'deleted'): Promise<void> {
    const spaces: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM space WHERE pole_id = (SELECT pole_id FROM space WHERE id = $1)`,
      [spaceId],
    );
    for (const s of spaces) this.events.notify({ spaceId: s.id, entity: 'relation', id: relationId, op });
  }
}
