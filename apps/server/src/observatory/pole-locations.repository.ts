import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { DepartementCode, RegionCode } from '@concerto/domain';

/** Where a pole is (INSEE codes), and its name, for the map. */
export interface PoleLocation {
  name: string;
  regionCode: RegionCode | null;
  departementCode: DepartementCode | null;
}

interface PoleLocationRow {
  id: string;
  name: string;
  region_code: RegionCode | null;
  departement_code: DepartementCode | null;
}

const mapPoleLocationRow = (r: PoleLocationRow): [string, PoleLocation] => [
  r.id,
  { name: r.name, regionCode: r.region_code, departementCode: r.departement_code },
];

@Injectable()
export class PoleLocationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The location of these poles (the caller's scope: the ids come from ObservatoryScope). */
  async of(poleIds: string[], db: EntityManager = this.dataSource.manager): Promise<Map<string, PoleLocation>> {
    if (poleIds.length === 0) return new Map();
    const rows: PoleLocationRow[] = await db.query(`SELECT id, name, region_code, departement_code FROM pole WHERE id = ANY($1::uuid[])`, [poleIds]);
    return new Map(rows.map(mapPoleLocationRow));
  }
}
