import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { type SpaceRole, roleAtLeast } from '@concerto/domain';
import { forbidden, notFound } from '../common/api-exception.js';
import { SpaceMembership } from './space-membership.entity.js';

/** The one place that answers "what may this account do in this space". */
@Injectable()
export class SpaceAccessService {
  constructor(@InjectRepository(SpaceMembership) private readonly memberships: Repository<SpaceMembership>) {}

  async roleOf(spaceId: string, accountId: string): Promise<SpaceRole | undefined> {
    const membership = await this.memberships.findOne({ where: { spaceId, accountId }, select: { role: true } });
    return membership?.role;
  }

  /** 404 for non-members (a space's existence does not leak), 403 when the role is not enough. */
  async require(spaceId: string, accountId: string, required: SpaceRole): Promise<SpaceRole> {
    const role = await this.roleOf(spaceId, accountId);
    if (!role) throw notFound();
    if (!roleAtLeast(role, required)) throw forbidden();
    return role;
  }
}
