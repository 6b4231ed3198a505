import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type DocumentRef, DocumentKind } from '@concerto/collab';
import type { SpaceRole } from '@concerto/domain';

/** Which space a document belongs to: its role rules are the space's. */
const SPACE_OF: Record<DocumentKind, ((ownerId: string) => { sql: string; param: string }) | undefined> = {
  [DocumentKind.diagnostic]: (ownerId) => ({ sql: '$1::uuid', param: ownerId }),
  [DocumentKind.projectNotes]: (ownerId) => ({ sql: '(SELECT space_id FROM project WHERE id = $1::uuid)', param: ownerId }),
  [DocumentKind.sessionBoard]: undefined, // see SESSION_BOARD_ROLES
};

/**
 * A session's board: the space's members with their role, and the session's guests as contributeurs;
 * once the session is closed the board is kept read-only for everyone.
 */
const SESSION_BOARD_ROLES = `
  SELECT m.account_id, CASE WHEN cs.status = 'closed' THEN 'observateur' ELSE m.role END AS role
    FROM concertation_session cs JOIN space_membership m ON m.space_id = cs.space_id
   WHERE cs.id = $1::uuid AND m.account_id = ANY($2::uuid[])
  UNION ALL
  SELECT p.account_id, CASE WHEN cs.status = 'closed' THEN 'observateur' ELSE 'contributeur' END
    FROM concertation_session cs JOIN session_participant p ON p.session_id = cs.id AND p.kind = 'guest'
   WHERE cs.id = $1::uuid AND p.account_id = ANY($2::uuid[])`;

@Injectable()
export class CollabAccessService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The caller's role in the space that owns the document, or undefined (no access, or no such document). */
  async roleOf(ref: DocumentRef, accountId: string): Promise<SpaceRole | undefined> {
    return (await this.rolesOf(ref, [accountId])).get(accountId);
  }

  /** Current roles of several accounts for one document (used by the periodic access sweep). */
  async rolesOf(ref: DocumentRef, accountIds: string[]): Promise<Map<string, SpaceRole>> {
    if (accountIds.length === 0) return new Map();
    if (ref.kind === DocumentKind.sessionBoard) {
      const rows: { account_id: string; role: SpaceRole }[] = await this.dataSource.query(SESSION_BOARD_ROLES, [ref.ownerId, accountIds]);
      return new Map(rows.map((r) => [r.account_id, r.role]));
    }
    const space = SPACE_OF[ref.kind]?.(ref.ownerId);
    if (!space) return new Map();
    const rows: { account_id: string; role: SpaceRole }[] = await this.dataSource.query(
      `SELECT account_id, role FROM space_membership WHERE space_id = ${space.sql} AND account_id = ANY($2::uuid[])`,
      [space.param, accountIds],
    );
    return new Map(rows.map((r) => [r.account_id, r.role]));
  }
}
