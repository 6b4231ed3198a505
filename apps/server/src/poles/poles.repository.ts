import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In } from 'typeorm';
import type { PoleView, UpdatePoleProfileRequest } from '@concerto/domain';
import { Pole } from './pole.entity.js';
import { toPoleView } from './pole-view.js';

/** A pole as the list of poles to choose from shows it. */
export interface PoleName {
  id: string;
  name: string;
  territory: string;
}

/**
 * The `pole` table, through its TypeORM entity (its numeric columns are converted by the entity's transformers).
 * Poles come back in their API shape; reads and writes go through the data source or the transaction passed last.
 */
@Injectable()
export class PolesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(poleId: string, db: EntityManager = this.dataSource.manager): Promise<PoleView | undefined> {
    const pole = await db.getRepository(Pole).findOneBy({ id: poleId });
    return pole ? toPoleView(pole) : undefined;
  }

  async listNames(poleIds: string[], db: EntityManager = this.dataSource.manager): Promise<PoleName[]> {
    const poles = await db.getRepository(Pole).find({ where: { id: In(poleIds) }, select: { id: true, name: true, territory: true } });
    return poles.map((p) => ({ id: p.id, name: p.name, territory: p.territory }));
  }

  /** Returns the new pole's id. */
  async insert(pole: { name: string; territory: string }, db: EntityManager = this.dataSource.manager): Promise<string> {
    const saved = await db.getRepository(Pole).save({ name: pole.name, territory: pole.territory });
    return saved.id;
  }

  async updateProfile(poleId: string, changes: UpdatePoleProfileRequest, db: EntityManager = this.dataSource.manager): Promise<void> {
    await db.getRepository(Pole).update({ id: poleId }, changes);
  }
}
