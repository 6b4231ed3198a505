import { Injectable } from '@nestjs/common';
import type { DocumentRef } from '@concerto/collab';
import type { SpaceRole } from '@concerto/domain';
import { AccessPolicy } from '../access/access-policy.js';

// Transitional: the co-editing engine asks the access policy through this name until its providers are rewired.
@Injectable()
export class CollabAccessService {
  constructor(private readonly access: AccessPolicy) {}

  roleOf(ref: DocumentRef, accountId: string): Promise<SpaceRole | undefined> {
    return this.access.documentRole(ref, accountId);
  }

  rolesOf(ref: DocumentRef, accountIds: string[]): Promise<Map<string, SpaceRole>> {
    return this.access.documentRoles(ref, accountIds);
  }
}
