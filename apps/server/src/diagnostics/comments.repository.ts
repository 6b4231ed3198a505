import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { CommentAnchor, CommentView } from '@concerto/domain';
import { changedRows } from '../database/changed-rows.js';

const SELECT_COMMENT = `
  SELECT c.*, a.display_name AS author_name, r.display_name AS resolver_name,
         coalesce((SELECT json_agg(json_build_object('id', m.id, 'displayName', m.display_name) ORDER BY m.display_name)
                     FROM account m WHERE m.id = ANY(c.mentions)), '[]') AS mention_list
    FROM diagnostic_comment c
    LEFT JOIN account a ON a.id = c.author_id
    LEFT JOIN account r ON r.id = c.resolved_by_id`;

interface CommentRow {
  id: string;
  section_id: string;
  parent_id: string | null;
  anchor: CommentView['anchor'];
  body: string;
  author_id: string | null;
  author_name: string | null;
  mention_list: CommentView['mentions'];
  resolved_at: Date | null;
  resolved_by_id: string | null;
  resolver_name: string | null;
  created_at: Date;
  edited_at: Date | null;
}

function mapCommentRow(r: CommentRow): CommentView {
  return {
    id: r.id,
    sectionId: r.section_id,
    parentId: r.parent_id,
    anchor: r.anchor,
    body: r.body,
    author: r.author_id ? { id: r.author_id, displayName: r.author_name ?? '' } : null,
    mentions: r.mention_list,
    resolvedAt: r.resolved_at?.toISOString() ?? null,
    resolvedBy: r.resolved_by_id ? { id: r.resolved_by_id, displayName: r.resolver_name ?? '' } : null,
    createdAt: r.created_at.toISOString(),
    editedAt: r.edited_at?.toISOString() ?? null,
  };
}

/**
 * What a comment belongs to: the space's diagnostic (its sections are the document's fragments), or one testimony's
 * story. Every query is scoped to one commented document, so a comment is never reached through another's routes.
 */
export type CommentedDocument = { kind: 'diagnostic'; spaceId: string } | { kind: 'testimony'; spaceId: string; testimonyId: string };

const testimonyOf = (doc: CommentedDocument): string | null => (doc.kind === 'testimony' ? doc.testimonyId : null);

/** `c.space_id = $1 AND` the comment's testimony is `$2` (null: the diagnostic's). */
const IN_DOCUMENT = `c.space_id = $1 AND c.testimony_id IS NOT DISTINCT FROM $2::uuid`;

/** Where a comment sits: its section, and the thread it replies to (null for a thread's first comment). */
export interface CommentPlace {
  sectionId: string;
  parentId: string | null;
}

export interface NewComment extends CommentPlace {
  document: CommentedDocument;
  anchor: CommentAnchor | null;
  body: string;
  authorId: string;
  mentions: string[];
}

/** SQL of `diagnostic_comment` (the comments of every commented document): comments come back in their API shape, with author, resolver and mentions named. */
@Injectable()
export class CommentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(doc: CommentedDocument, db: EntityManager = this.dataSource.manager): Promise<CommentView[]> {
    const rows: CommentRow[] = await db.query(`${SELECT_COMMENT} WHERE ${IN_DOCUMENT} ORDER BY c.created_at`, [doc.spaceId, testimonyOf(doc)]);
    return rows.map(mapCommentRow);
  }

  async find(doc: CommentedDocument, commentId: string, db: EntityManager = this.dataSource.manager): Promise<CommentView | undefined> {
    const rows: CommentRow[] = await db.query(`${SELECT_COMMENT} WHERE ${IN_DOCUMENT} AND c.id = $3`, [doc.spaceId, testimonyOf(doc), commentId]);
    return rows[0] && mapCommentRow(rows[0]);
  }

  async place(doc: CommentedDocument, commentId: string, db: EntityManager = this.dataSource.manager): Promise<CommentPlace | undefined> {
    const rows: { section_id: string; parent_id: string | null }[] = await db.query(
      `SELECT c.section_id, c.parent_id FROM diagnostic_comment c WHERE ${IN_DOCUMENT} AND c.id = $3`,
      [doc.spaceId, testimonyOf(doc), commentId],
    );
    return rows[0] && { sectionId: rows[0].section_id, parentId: rows[0].parent_id };
  }

  /** Returns the new comment's id. */
  async insert(comment: NewComment, db: EntityManager = this.dataSource.manager): Promise<string> {
    const [row]: { id: string }[] = await db.query(
      `INSERT INTO diagnostic_comment (space_id, testimony_id, section_id, parent_id, anchor, body, author_id, mentions)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        comment.document.spaceId,
        testimonyOf(comment.document),
        comment.sectionId,
        comment.parentId,
        comment.anchor ? JSON.stringify(comment.anchor) : null,
        comment.body,
        comment.authorId,
        comment.mentions,
      ],
    );
    return row.id;
  }

  async editBody(commentId: string, body: string, db: EntityManager = this.dataSource.manager): Promise<void> {
    await db.query(`UPDATE diagnostic_comment SET body = $2, edited_at = now() WHERE id = $1`, [commentId, body]);
  }

  /** Resolves the thread (by `accountId`, now) or reopens it. */
  async setResolved(commentId: string, resolved: boolean, accountId: string, db: EntityManager = this.dataSource.manager): Promise<void> {
    await db.query(
      `UPDATE diagnostic_comment SET resolved_at = CASE WHEN $2 THEN now() ELSE NULL END, resolved_by_id = CASE WHEN $2 THEN $3::uuid ELSE NULL END WHERE id = $1`,
      [commentId, resolved, accountId],
    );
  }

  async delete(commentId: string, db: EntityManager = this.dataSource.manager): Promise<void> {
    await changedRows(db, `DELETE FROM diagnostic_comment WHERE id = $1 RETURNING id`, [commentId]);
  }

  /** Unresolved threads per section of the diagnostic (replies are not counted). */
  async openThreadsBySection(spaceId: string, db: EntityManager = this.dataSource.manager): Promise<Map<string, number>> {
    const rows: { section_id: string; n: number }[] = await db.query(
      `SELECT section_id, count(*)::int AS n FROM diagnostic_comment WHERE space_id = $1 AND testimony_id IS NULL AND parent_id IS NULL AND resolved_at IS NULL GROUP BY section_id`,
      [spaceId],
    );
    return new Map(rows.map((r) => [r.section_id, r.n]));
  }

  async openThreads(spaceId: string, sectionId: string, db: EntityManager = this.dataSource.manager): Promise<number> {
    const [{ n }]: { n: number }[] = await db.query(
      `SELECT count(*)::int AS n FROM diagnostic_comment WHERE space_id = $1 AND testimony_id IS NULL AND section_id = $2 AND parent_id IS NULL AND resolved_at IS NULL`,
      [spaceId, sectionId],
    );
    return n;
  }
}
