import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Query, Res, StreamableFile, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { z } from 'zod';
import { CreateDecisionRequest, DecisionView, MinutesExportQuery, MinutesView, minutesMarkdown } from '@concerto/domain';
import { CurrentAuth, type RequestAuth } from '../common/request-auth.js';
import { Contract } from '../common/contract.js';
import { localeFromHeader } from '../common/locale.js';
import { MinutesService } from './minutes.service.js';
import { CurrentSession, RequiresSessionRole, SessionRoleGuard } from '../access/session-role.guard.js';
import type { SessionAccess } from '../access/session-roles.js';

const fileName = (title: string, extension: string) =>
  `compte-rendu-${
    title
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\w]+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase()
      .slice(0, 60) || 'seance'
  }.${extension}`;

@Controller('sessions/:sessionId')
@UseGuards(SessionRoleGuard)
export class MinutesController {
  constructor(private readonly minutes: MinutesService) {}

  @Get('decisions')
  @RequiresSessionRole('observateur')
  @Contract({ summary: 'Decisions recorded in the session', response: z.array(DecisionView) })
  decisions(@CurrentSession() access: SessionAccess) {
    return this.minutes.decisions(access);
  }

  @Post('decisions')
  @RequiresSessionRole('animateur')
  @Contract({ summary: 'Record a decision', body: CreateDecisionRequest, response: DecisionView, status: 201 })
  addDecision(@CurrentAuth() auth: RequestAuth, @CurrentSession() access: SessionAccess, @Body() body: CreateDecisionRequest) {
    return this.minutes.addDecision(access, body, auth.account.id);
  }

  @Post('votes/:voteId/decision')
  @RequiresSessionRole('animateur')
  @Contract({ summary: 'Record an adopted consent vote as a decision, on its agenda item', response: DecisionView, status: 201 })
  decisionFromVote(@CurrentAuth() auth: RequestAuth, @CurrentSession() access: SessionAccess, @Param('voteId') voteId: string) {
    return this.minutes.decisionFromVote(access, voteId, auth.account.id);
  }

  @Delete('decisions/:decisionId')
  @RequiresSessionRole('animateur')
  @HttpCode(204)
  @Contract({ summary: 'Remove a decision', status: 204 })
  removeDecision(@CurrentSession() access: SessionAccess, @Param('decisionId') decisionId: string) {
    return this.minutes.removeDecision(access, decisionId);
  }

  @Post('decisions/:decisionId/project')
  @HttpCode(200)
  @RequiresSessionRole('animateur')
  @Contract({ summary: 'Turn a decision into a shared project of the space', response: DecisionView })
  toProject(@CurrentAuth() auth: RequestAuth, @CurrentSession() access: SessionAccess, @Param('decisionId') decisionId: string) {
    return this.minutes.decisionToProject(access, decisionId, auth.account.id);
  }

  @Post('close')
  @HttpCode(200)
  @RequiresSessionRole('animateur')
  @Contract({ summary: 'Close the session and write its minutes', response: MinutesView })
  close(@CurrentAuth() auth: RequestAuth, @CurrentSession() access: SessionAccess) {
    return this.minutes.close(access, auth.account.id);
  }

  @Get('minutes')
  @RequiresSessionRole('observateur')
  @Contract({ summary: 'The minutes of a closed session', response: MinutesView })
  read(@CurrentSession() access: SessionAccess) {
    return this.minutes.minutes(access);
  }

  @Get('minutes/export')
  @RequiresSessionRole('observateur')
  @Contract({ summary: 'The minutes as Markdown or Word (DOCX)', query: MinutesExportQuery })
  async export(
    @CurrentSession() access: SessionAccess,
    @Query() query: MinutesExportQuery,
    @Headers('accept-language') language: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const minutes = await this.minutes.minutes(access);
    const locale = query.lang ?? localeFromHeader(language);
    if (query.format === 'md') {
      response.setHeader('content-type', 'text/markdown; charset=utf-8');
      response.setHeader('content-disposition', `attachment; filename="${fileName(minutes.title, 'md')}"`);
      return minutesMarkdown(minutes, locale, query.tz);
    }
    // The DOCX library is loaded on the first export only (it is not needed to run the server).
    const { minutesDocx } = await import('./minutes-docx.js');
    return new StreamableFile(await minutesDocx(minutes, locale, query.tz), {
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      disposition: `attachment; filename="${fileName(minutes.title, 'docx')}"`,
    });
  }
}
