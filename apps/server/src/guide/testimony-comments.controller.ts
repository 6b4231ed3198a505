import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { z } from 'zod';
import { CommentView, CreateCommentRequest, UpdateCommentRequest } from '@concerto/domain';
import { RequiresSpaceRole } from '../access/space-role.guard.js';
import { Contract } from '../common/contract.js';
import { CurrentAuth, type RequestAuth } from '../common/request-auth.js';
import { TestimonyCommentsService } from './testimony-comments.service.js';

/** Anchored comments on a testimony's story (its `story` fragment): every member reads and comments, observateurs too. */
@Controller('spaces/:spaceId/testimonies/:testimonyId/comments')
export class TestimonyCommentsController {
  constructor(private readonly comments: TestimonyCommentsService) {}

  @Get()
  @RequiresSpaceRole('observateur')
  @Contract({ summary: "Every comment thread and reply on a testimony's story", response: z.array(CommentView) })
  list(@Param('spaceId') spaceId: string, @Param('testimonyId') testimonyId: string) {
    return this.comments.list(spaceId, testimonyId);
  }

  @Post()
  @RequiresSpaceRole('observateur')
  @Contract({
    summary: "Comment a passage of a testimony's story (`sectionId` « story »), or reply to a thread (observateurs included)",
    body: CreateCommentRequest,
    response: CommentView,
    status: 201,
  })
  create(@CurrentAuth() auth: RequestAuth, @Param('spaceId') spaceId: string, @Param('testimonyId') testimonyId: string, @Body() body: CreateCommentRequest) {
    return this.comments.create(spaceId, testimonyId, body, auth.account.id);
  }

  @Patch(':commentId')
  @RequiresSpaceRole('observateur')
  @Contract({ summary: 'Resolve or reopen a thread on a testimony, or edit my comment', body: UpdateCommentRequest, response: CommentView })
  update(
    @CurrentAuth() auth: RequestAuth,
    @Param('spaceId') spaceId: string,
    @Param('testimonyId') testimonyId: string,
    @Param('commentId') commentId: string,
    @Body() body: UpdateCommentRequest,
  ) {
    return this.comments.update(spaceId, testimonyId, commentId, body, auth.account.id);
  }

  @Delete(':commentId')
  @RequiresSpaceRole('observateur')
  @HttpCode(204)
  @Contract({ summary: 'Delete my comment on a testimony (animateurs: any comment)', status: 204 })
  remove(
    @CurrentAuth() auth: RequestAuth,
    @Param('spaceId') spaceId: string,
    @Param('testimonyId') testimonyId: string,
    @Param('commentId') commentId: string,
  ) {
    return this.comments.remove(spaceId, testimonyId, commentId, auth.account.id);
  }
}
