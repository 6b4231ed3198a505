import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Put, Query, Res, StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import { z } from 'zod';
import {
  CommentView,
  CreateCommentRequest,
  DiagnosticExportQuery,
  DiagnosticOutlineEntry,
  DiagnosticSettings,
  SectionStateView,
  UpdateCommentRequest,
  UpdateSectionStateRequest,
} from '@concerto/domain';
import { CurrentAuth, type RequestAuth } from '../common/request-auth.js';
import { Contract } from '../common/contract.js';
import { localeFromHeader } from '../common/locale.js';
import { AccessPolicy } from '../access/access-policy.js';
import { RequiresSpaceRole } from '../access/space-role.guard.js';
import { CommentsService } from './comments.service.js';
import { DiagnosticExportService } from './diagnostic-export.service.js';
import { SectionStatesService } from './section-states.service.js';

@Controller('spaces/:spaceId/diagnostic')
export class DiagnosticsController {
  constructor(
    private readonly states: SectionStatesService,
    private readonly comments: CommentsService,
    private readonly exports: DiagnosticExportService,
    private readonly access: AccessPolicy,
  ) {}

  @Get('sections')
  @RequiresSpaceRole('observateur')
  @Contract({ summary: 'Score, status and open comments of every section', response: z.array(SectionStateView) })
  sections(@Param('spaceId') spaceId: string) {
    return this.states.list(spaceId);
  }

  @Get('outline')
  @RequiresSpaceRole('observateur')
  @Contract({ summary: "Today's sections (not archived) in the document's order, with their titles", response: z.array(DiagnosticOutlineEntry) })
  outline(@Param('spaceId') spaceId: string) {
    return this.states.outline(spaceId);
  }

  // `:section`, not `:sectionId`: section ids are the document's own, not UUIDs.
  @Put('sections/:section')
  @RequiresSpaceRole('contributeur')
  @Contract({
    summary: "Change a section's self-assessment or status (409 version_conflict when stale)",
    body: UpdateSectionStateRequest,
    response: SectionStateView,
  })
  updateSection(
    @CurrentAuth() auth: RequestAuth,
    @Param('spaceId') spaceId: string,
    @Param('section') sectionId: string,
    @Body() body: UpdateSectionStateRequest,
  ) {
    return this.states.update(spaceId, sectionId, body, auth.account.id);
  }

  @Get('settings')
  @RequiresSpaceRole('observateur')
  @Contract({ summary: 'Whether observateurs may comment', response: DiagnosticSettings })
  settings(@Param('spaceId') spaceId: string) {
    return this.states.settings(spaceId);
  }

  @Put('settings')
  @RequiresSpaceRole('animateur')
  @Contract({ summary: 'Open or close comments to observateurs', body: DiagnosticSettings, response: DiagnosticSettings })
  updateSettings(@Param('spaceId') spaceId: string, @Body() body: DiagnosticSettings) {
    return this.states.updateSettings(spaceId, body);
  }

  @Get('comments')
  @RequiresSpaceRole('observateur')
  @Contract({ summary: 'Every comment thread and reply of the diagnostic', response: z.array(CommentView) })
  listComments(@Param('spaceId') spaceId: string) {
    return this.comments.list({ kind: 'diagnostic', spaceId });
  }

  @Post('comments')
  @RequiresSpaceRole('observateur')
  @Contract({ summary: 'Comment a passage, or reply to a thread (observateurs when allowed)', body: CreateCommentRequest, response: CommentView, status: 201 })
  async comment(@CurrentAuth() auth: RequestAuth, @Param('spaceId') spaceId: string, @Body() body: CreateCommentRequest) {
    return this.comments.create({ kind: 'diagnostic', spaceId }, await this.roleOf(spaceId, auth), body, auth.account.id);
  }

  @Patch('comments/:commentId')
  @RequiresSpaceRole('observateur')
  @Contract({ summary: 'Resolve or reopen a thread, or edit my comment', body: UpdateCommentRequest, response: CommentView })
  async updateComment(
    @CurrentAuth() auth: RequestAuth,
    @Param('spaceId') spaceId: string,
    @Param('commentId') commentId: string,
    @Body() body: UpdateCommentRequest,
  ) {
    return this.comments.update({ kind: 'diagnostic', spaceId }, await this.roleOf(spaceId, auth), commentId, body, auth.account.id);
  }

  @Delete('comments/:commentId')
  @RequiresSpaceRole('observateur')
  @HttpCode(204)
  @Contract({ summary: 'Delete my comment (animateurs: any comment)', status: 204 })
  async removeComment(@CurrentAuth() auth: RequestAuth, @Param('spaceId') spaceId: string, @Param('commentId') commentId: string) {
    return this.comments.remove({ kind: 'diagnostic', spaceId }, await this.roleOf(spaceId, auth), commentId, auth.account.id);
  }

  @Get('export')
  @RequiresSpaceRole('observateur')
  @Contract({ summary: 'The diagnostic as Markdown or Word (DOCX), with sections, scores and statuses', query: DiagnosticExportQuery })
  async export(
    @Param('spaceId') spaceId: string,
    @Query() query: z.infer<typeof DiagnosticExportQuery>,
    @Headers('accept-language') language: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const file = await this.exports.export(spaceId, query.format, query.lang ?? localeFromHeader(language));
    if (typeof file.body === 'string') {
      response.setHeader('content-type', file.contentType);
      response.setHeader('content-disposition', `attachment; filename="${file.name}"`);
      return file.body;
    }
    return new StreamableFile(file.body, { type: file.contentType, disposition: `attachment; filename="${file.name}"` });
  }

  private async roleOf(spaceId: string, auth: RequestAuth) {
    return (await this.access.spaceRole(spaceId, auth.account.id))!;
  }
}
