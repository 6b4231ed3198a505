import { Global, Module } from '@nestjs/common';
import { AccessPolicy } from './access-policy.js';
import { AccessRepository } from './access.repository.js';
import { SessionRoleGuard } from './session-role.guard.js';
import { SpaceRoleGuard } from './space-role.guard.js';

/** The access policy, for every area: global, so that guards and services anywhere can ask it. */
@Global()
@Module({
  providers: [AccessRepository, AccessPolicy, SpaceRoleGuard, SessionRoleGuard],
  exports: [AccessPolicy, SpaceRoleGuard, SessionRoleGuard],
})
export class AccessModule {}
