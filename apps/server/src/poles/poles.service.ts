import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type PoleChoice, type PoleView, type UpdatePoleProfileRequest, compareFrench, regionOfDepartement } from '@concerto/domain';
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
  /**
   * The région follows the département: a département sets its région; a new région with no département keeps the
   * recorded département only when it lies in that région.
   */
  private async withLocationInStep(poleId: string, changes: UpdatePoleProfileRequest): Promise<UpdatePoleProfileRequest> {
    if (changes.departementCode) return { ...changes, regionCode: regionOfDepartement(changes.departementCode) };
    if (changes.regionCode === undefined || changes.departementCode === null) return changes;
    const { departementCode } = await this.get(poleId);
    const keeps = departementCode !== null && changes.regionCode !== null && regionOfDepartement(departementCode) === changes.regionCode;
    return keeps ? changes : { ...changes, departementCode: null };
  }

  create(pole: { name: string; territory?: string }, tx: EntityManager): Promise<string> {
    return this.poles.insert({ name: pole.name, territory: pole.territory ?? '' }, tx);
  }

  async updateProfile(poleId: string, changes: UpdatePoleProfileRequest): Promise<PoleView> {
    await this.poles.updateProfile(poleId, await this.withLocationInStep(poleId, changes));
    return this.get(poleId);
  }
}
