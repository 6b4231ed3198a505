import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type DocumentRef, DocumentKind } from '@concerto/collab';
import type { SpaceRole } from '@concerto/domain';

/** Which space a document belongs to: its role rules are the space's. */
const SPACE_OF: Record<DocumentKind, ((ownerId: string) => { sql: string; param: string }) | undefined> = {
  [DocumentKind.diagnostic]: (ownerId) => ({ sql: '$1::uuid', param: ownerId }),
  [DocumentKind.projectNotes]: (ownerId) => ({ sql: '(SELECT space_id FROM project WHERE id = $1::uuid)', param: ownerId }),
  // Sessions come with their own table; until then such documents do not exist.
  [DocumentKind.sessionBoard]: undefined,
};

@Injectable()
export class CollabAccessService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The caller's role in the space that owns the document, or undefined (no access, or no such document). */
  async roleOf(ref: DocumentRef, accountId: string): Promise<SpaceRole | undefined> {
    return (await this.rolesOf(ref, [accountId])).get(accountId);
  }

  /** Current roles of several accounts for one document (used by the periodic access sweep). */
  async rolesOf(ref: DocumentRef, accountIds: string[]): Promise<Map<string, SpaceRole>> {
    const space = SPACE_OF[ref.kind]?.(ref.ownerId);
    if (!space || accountIds.length === 0) return new Map();
    const rows: { account_id: string; role: SpaceRole }[] = await this.dataSource.query(
      `SELECT account_id, role FROM space_membership WHERE space_id = ${space.sql} AND account_id = ANY($2::uuid[])`,
      [space.param, accountIds],
    );
    return new Map(rows.map((r) => [r.account_id, r.role]));
  }
}
