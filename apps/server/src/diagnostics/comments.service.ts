import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { TESTIMONY_STORY } from '@concerto/collab';
import type { CommentView, CreateCommentRequest, SpaceRole, UpdateCommentRequest } from '@concerto/domain';
import { AccessPolicy } from '../access/access-policy.js';
import { mayChangeComment, mayComment, mayCommentTestimony, mayWrite } from '../access/content-rules.js';
import { badRequest, forbidden, notFound } from '../common/api-exception.js';
import { EventsPublisher } from '../events/events-publisher.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { commentEvents } from './comment-notifications.js';
import { CommentRecipientsRepository } from './comment-recipients.repository.js';
import { type CommentedDocument, CommentsRepository } from './comments.repository.js';
import { DiagnosticsRepository } from './diagnostics.repository.js';

/**
 * Comments anchored to passages of a commented document (the diagnostic, a testimony's story), threaded, with mentions,
 * resolved and reopened. The caller has checked that the document exists in the space.
 */
@Injectable()
export class CommentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: AccessPolicy,
    private readonly comments: CommentsRepository,
    private readonly diagnostics: DiagnosticsRepository,
    private readonly events: EventsPublisher,
    private readonly recipients: CommentRecipientsRepository,
    private readonly notifications: NotificationsService,
  ) {}

  list(doc: CommentedDocument): Promise<CommentView[]> {
    return this.comments.list(doc);
  }

  async create(doc: CommentedDocument, role: SpaceRole, body: CreateCommentRequest, accountId: string): Promise<CommentView> {
    await this.requireMayComment(doc, role);
    let sectionId: string;
    let parentId: string | null = null;
    if ('parentId' in body) {
      const parent = await this.comments.place(doc, body.parentId);
      if (!parent) throw badRequest([{ path: 'parentId', message: 'No such comment' }]);
      // Replies hang off the thread's first comment: threads stay one level deep.
      parentId = parent.parentId ?? body.parentId;
      sectionId = parent.sectionId;
    } else {
      sectionId = body.sectionId;
      // A testimony has one commented text, its story.
      if (doc.kind === 'testimony' && sectionId !== TESTIMONY_STORY)
        throw badRequest([{ path: 'sectionId', message: `Not a part of the testimony: ${TESTIMONY_STORY}` }]);
    }
    const mentions = await this.members(doc.spaceId, body.mentions);
    const id = await this.dataSource.transaction(async (tx) => {
      const inserted = await this.comments.insert(
        { document: doc, sectionId, parentId, anchor: 'anchor' in body ? body.anchor : null, body: body.body, authorId: accountId, mentions },
        tx,
      );
      await this.notifyNewComment(tx, doc, { id: inserted, sectionId, threadId: parentId, body: body.body, authorId: accountId, mentions });
      return inserted;
    });
    return this.changed(doc, id, 'created');
  }

  /** The mentioned, the thread's writers and the content's writers hear of it (`comment-notifications.ts`). */
  private async notifyNewComment(
    tx: EntityManager,
    doc: CommentedDocument,
    c: { id: string; sectionId: string; threadId: string | null; body: string; authorId: string; mentions: string[] },
  ): Promise<void> {
    const audience = {
      mentioned: c.mentions,
      threadWriters: c.threadId ? await this.recipients.threadWriters(c.threadId, tx) : [],
      contentWriters: await this.recipients.contentWriters(doc, c.sectionId, tx),
    };
    const facts = { doc, commentId: c.id, threadId: c.threadId, authorId: c.authorId, body: c.body, title: await this.recipients.title(doc, tx) };
    for (const event of commentEvents(facts, audience)) await this.notifications.notify({ ...event, db: tx });
  }

  async update(doc: CommentedDocument, role: SpaceRole, commentId: string, body: UpdateCommentRequest, accountId: string): Promise<CommentView> {
    const comment = await this.find(doc, commentId);
    if ('body' in body) {
      if (!mayChangeComment('edit', role, this.isAuthor(comment, accountId))) throw forbidden();
      await this.comments.editBody(commentId, body.body);
    } else {
      if (comment.parentId) throw badRequest([{ path: 'resolved', message: 'Only a thread is resolved, not a reply' }]);
      if (!mayChangeComment('resolve', role, this.isAuthor(comment, accountId))) throw forbidden();
      await this.comments.setResolved(commentId, body.resolved, accountId);
    }
    return this.changed(doc, commentId, 'updated');
  }

  async remove(doc: CommentedDocument, role: SpaceRole, commentId: string, accountId: string): Promise<void> {
    const comment = await this.find(doc, commentId);
    if (!mayChangeComment('delete', role, this.isAuthor(comment, accountId))) throw forbidden();
    await this.comments.delete(commentId);
    this.events.notify({ spaceId: doc.spaceId, entity: 'comment', id: commentId, op: 'deleted' });
  }

  private async requireMayComment(doc: CommentedDocument, role: SpaceRole): Promise<void> {
    if (mayWrite(role)) return;
    const may = doc.kind === 'testimony' ? mayCommentTestimony(role) : mayComment(role, (await this.diagnostics.settings(doc.spaceId)).observersCanComment);
    if (!may) throw forbidden('comments_closed');
  }

  /** Who may be mentioned is the access policy's call: the space's members. */
  private async members(spaceId: string, ids: string[]): Promise<string[]> {
    const missing = await this.policy.firstNonMember(spaceId, ids);
    if (missing >= 0) throw badRequest([{ path: `mentions.${missing}`, message: 'Not a member of the space' }]);
    return [...new Set(ids)];
  }

  private async find(doc: CommentedDocument, commentId: string): Promise<CommentView> {
    const comment = await this.comments.find(doc, commentId);
    if (!comment) throw notFound();
    return comment;
  }

  /** A comment whose author's account is gone has no author: nobody may edit it as theirs. */
  private isAuthor(comment: CommentView, accountId: string): boolean {
    return comment.author !== null && comment.author.id === accountId;
  }

  private async changed(doc: CommentedDocument, commentId: string, op: 'created' | 'updated'): Promise<CommentView> {
    this.events.notify({ spaceId: doc.spaceId, entity: 'comment', id: commentId, op });
    return this.find(doc, commentId);
  }
}
