import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/** The names and territories of poles (the open data's per-pole rows name their pole). */
@Injectable()
export class PoleNamesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async names(poleIds: string[], db: EntityManager = this.dataSource.manager): Promise<Map<string, { name: string; territory: string }>> {
    const rows: { id: string; name: string; territory: string }[] = await db.query(`SELECT id, name, territory FROM pole WHERE id = ANY($1::uuid[])`, [
      poleIds,
    ]);
    return new Map(rows.map((r) => [r.id, { name: r.name, territory: r.territory }]));
  }
}
