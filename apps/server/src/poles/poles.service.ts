import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type PoleChoice, type PoleView, type UpdatePoleProfileRequest, compareFrench } from '@concerto/domain';
import { AccessPolicy } from '../access/access-policy.js';
import { notFound } from '../common/api-exception.js';
import { PolesRepository } from './poles.repository.js';

/**
 * Poles and their profiles. The poles area knows nothing of spaces: the spaces area asks it for a pole by id, to
 * open one with a new space, and to change a profile (and tells the pole's spaces itself).
 */
@Injectable()
export class PolesService {
  constructor(
    private readonly poles: PolesRepository,
    private readonly policy: AccessPolicy,
  ) {}

  /** Poles the caller works on through a space; a new space can be opened for those they facilitate. */
  async listForAccount(accountId: string): Promise<PoleChoice[]> {
    const poles = await this.policy.polesOf(accountId);
    if (poles.size === 0) return [];
    const rows = await this.poles.listNames([...poles.keys()]);
    return rows
      .map((p) => ({ id: p.id, name: p.name, territory: p.territory, canCreateSpace: poles.get(p.id) ?? false }))
      .sort((a, b) => compareFrench(a.name, b.name));
  }

  async get(poleId: string, tx?: EntityManager): Promise<PoleView> {
    const pole = await this.poles.find(poleId, tx);
    if (!pole) throw notFound();
    return pole;
  }

  /** Opens a new pole (inside the caller's transaction, with the space created for it); returns its id. */
  create(pole: { name: string; territory?: string }, tx: EntityManager): Promise<string> {
    return this.poles.insert({ name: pole.name, territory: pole.territory ?? '' }, tx);
  }

  async updateProfile(poleId: string, changes: UpdatePoleProfileRequest): Promise<PoleView> {
    await this.poles.updateProfile(poleId, changes);
    return this.get(poleId);
  }
}
