import { Injectable } from '@nestjs/common';
import type { CommentView, CreateCommentRequest, SpaceRole, UpdateCommentRequest } from '@concerto/domain';
import { AccessPolicy } from '../access/access-policy.js';
import { notFound } from '../common/api-exception.js';
import type { CommentedDocument } from '../diagnostics/comments.repository.js';
import { CommentsService } from '../diagnostics/comments.service.js';
import { TestimoniesRepository } from './testimonies.repository.js';

/**
 * Comments on a testimony's story: the diagnostic's anchored, threaded comments (`CommentsService`) on another
 * commented document. Every member comments, observateurs included; a testimony of another space is 404.
 */
@Injectable()
export class TestimonyCommentsService {
  constructor(
    private readonly access: AccessPolicy,
    private readonly testimonies: TestimoniesRepository,
    private readonly comments: CommentsService,
  ) {}

  async list(spaceId: string, testimonyId: string): Promise<CommentView[]> {
    return this.comments.list(await this.story(spaceId, testimonyId));
  }

  async create(spaceId: string, testimonyId: string, body: CreateCommentRequest, accountId: string): Promise<CommentView> {
    return this.comments.create(await this.story(spaceId, testimonyId), await this.roleOf(spaceId, accountId), body, accountId);
  }

  async update(spaceId: string, testimonyId: string, commentId: string, body: UpdateCommentRequest, accountId: string): Promise<CommentView> {
    return this.comments.update(await this.story(spaceId, testimonyId), await this.roleOf(spaceId, accountId), commentId, body, accountId);
  }

  async remove(spaceId: string, testimonyId: string, commentId: string, accountId: string): Promise<void> {
    return this.comments.remove(await this.story(spaceId, testimonyId), await this.roleOf(spaceId, accountId), commentId, accountId);
  }

  private async story(spaceId: string, testimonyId: string): Promise<CommentedDocument> {
    if (!(await this.testimonies.inSpace(spaceId, [testimonyId])).has(testimonyId)) throw notFound();
    return { kind: 'testimony', spaceId, testimonyId };
  }

  /** The guard let the caller in; what they may do to a comment depends on their role. */
  private async roleOf(spaceId: string, accountId: string): Promise<SpaceRole> {
    const role = await this.access.spaceRole(spaceId, accountId);
    if (!role) throw notFound();
    return role;
  }
}
