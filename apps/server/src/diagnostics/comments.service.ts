import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type CommentView, type CreateCommentRequest, type SpaceRole, type UpdateCommentRequest, roleAtLeast } from '@concerto/domain';
import { badRequest, forbidden, notFound } from '../common/api-exception.js';
import { changedRows } from '../database/changed-rows.js';
import { EventsPublisher } from '../events/events-publisher.js';

const SELECT = `
  SELECT c.*, a.display_name AS author_name, r.display_name AS resolver_name,
         coalesce((SELECT json_agg(json_build_object('id', m.id, 'displayName', m.display_name) ORDER BY m.display_name)
                     FROM account m WHERE m.id = ANY(c.mentions)), '[]') AS mention_list
    FROM diagnostic_comment c
    LEFT JOIN account a ON a.id = c.author_id
    LEFT JOIN account r ON r.id = c.resolved_by_id`;

interface Row {
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

const toView = (r: Row): CommentView => ({
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
});

/** Comments anchored to passages of the diagnostic, threaded, with mentions, resolved and reopened. */
@Injectable()
export class CommentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsPublisher,
  ) {}

  async list(spaceId: string): Promise<CommentView[]> {
    const rows: Row[] = await this.dataSource.query(`${SELECT} WHERE c.space_id = $1 ORDER BY c.created_at`, [spaceId]);
    return rows.map(toView);
  }

  async create(spaceId: string, role: SpaceRole, body: CreateCommentRequest, accountId: string): Promise<CommentView> {
    await this.requireMayComment(spaceId, role);
    let sectionId: string;
    let parentId: string | null = null;
    if ('parentId' in body) {
      const [parent]: { section_id: string; parent_id: string | null }[] = await this.dataSource.query(
        `SELECT section_id, parent_id FROM diagnostic_comment WHERE id = $1 AND space_id = $2`,
        [body.parentId, spaceId],
      );
      if (!parent) throw badRequest([{ path: 'parentId', message: 'No such comment' }]);
      // Replies hang off the thread's first comment: threads stay one level deep.
      parentId = parent.parent_id ?? body.parentId;
      sectionId = parent.section_id;
    } else {
      sectionId = body.sectionId;
    }
    const mentions = await this.members(spaceId, body.mentions);
    const [row]: { id: string }[] = await this.dataSource.query(
      `INSERT INTO diagnostic_comment (space_id, section_id, parent_id, anchor, body, author_id, mentions) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [spaceId, sectionId, parentId, 'anchor' in body ? JSON.stringify(body.anchor) : null, body.body, accountId, mentions],
    );
    return this.changed(spaceId, row.id, 'created');
  }

  async update(spaceId: string, role: SpaceRole, commentId: string, body: UpdateCommentRequest, accountId: string): Promise<CommentView> {
    const comment = await this.find(spaceId, commentId);
    if ('body' in body) {
      if (comment.author_id !== accountId) throw forbidden();
      await this.dataSource.query(`UPDATE diagnostic_comment SET body = $2, edited_at = now() WHERE id = $1`, [commentId, body.body]);
    } else {
      if (comment.parent_id) throw badRequest([{ path: 'resolved', message: 'Only a thread is resolved, not a reply' }]);
      if (!roleAtLeast(role, 'contributeur') && comment.author_id !== accountId) throw forbidden();
      await this.dataSource.query(
        `UPDATE diagnostic_comment SET resolved_at = CASE WHEN $2 THEN now() ELSE NULL END, resolved_by_id = CASE WHEN $2 THEN $3::uuid ELSE NULL END WHERE id = $1`,
        [commentId, body.resolved, accountId],
      );
    }
    return this.changed(spaceId, commentId, 'updated');
  }

  async remove(spaceId: string, role: SpaceRole, commentId: string, accountId: string): Promise<void> {
    const comment = await this.find(spaceId, commentId);
    if (comment.author_id !== accountId && role !== 'animateur') throw forbidden();
    await changedRows(this.dataSource, `DELETE FROM diagnostic_comment WHERE id = $1 RETURNING id`, [commentId]);
    this.events.notify({ spaceId, entity: 'comment', id: commentId, op: 'deleted' });
  }

  private async requireMayComment(spaceId: string, role: SpaceRole): Promise<void> {
    if (roleAtLeast(role, 'contributeur')) return;
    const rows: { observers_can_comment: boolean }[] = await this.dataSource.query(`SELECT observers_can_comment FROM diagnostic_settings WHERE space_id = $1`, [spaceId]);
    if (!rows[0]?.observers_can_comment) throw forbidden('comments_closed');
  }

  /** Only members of the space can be mentioned. */
  private async members(spaceId: string, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows: { account_id: string }[] = await this.dataSource.query(`SELECT account_id FROM space_membership WHERE space_id = $1 AND account_id = ANY($2::uuid[])`, [spaceId, ids]);
    const found = new Set(rows.map((r) => r.account_id));
    const missing = ids.findIndex((id) => !found.has(id));
    if (missing >= 0) throw badRequest([{ path: `mentions.${missing}`, message: 'Not a member of the space' }]);
    return [...found];
  }

  private async find(spaceId: string, commentId: string): Promise<Row> {
    const rows: Row[] = await this.dataSource.query(`${SELECT} WHERE c.space_id = $1 AND c.id = $2`, [spaceId, commentId]);
    if (!rows[0]) throw notFound();
    return rows[0];
  }

  private async changed(spaceId: string, commentId: string, op: 'created' | 'updated'): Promise<CommentView> {
    this.events.notify({ spaceId, entity: 'comment', id: commentId, op });
    return toView(await this.find(spaceId, commentId));
  }
}
