import { Global, Module } from '@nestjs/common';
import { CollectiviteLevelGate } from '../organisations/collectivite-level-gate.js';
import { AccessPolicy } from './access-policy.js';
import { AccessRepository } from './access.repository.js';
import { ParticipantWriteLimits } from './participant-write-limits.js';
import { SessionRoleGuard } from './session-role.guard.js';
import { SpaceRoleGuard } from './space-role.guard.js';

/**
 * The access policy, for every area: global, so that guards and services anywhere can ask it; the folders below it
 * (organisations) ask it through the gate they declare.
 */
@Global()
@Module({
  providers: [
    AccessRepository,
    AccessPolicy,
    SpaceRoleGuard,
    SessionRoleGuard,
    ParticipantWriteLimits,
    { provide: CollectiviteLevelGate, useExisting: AccessPolicy },
  ],
  exports: [AccessPolicy, SpaceRoleGuard, SessionRoleGuard, ParticipantWriteLimits, CollectiviteLevelGate],
})
export class AccessModule {}
