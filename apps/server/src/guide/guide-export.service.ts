import { Injectable } from '@nestjs/common';
import type { GuideExportQuery, GuideView } from '@concerto/domain';
import type { GuideReader } from './guide-references.js';
import { GuideVersionsService } from './guide-versions.service.js';
import { GuideViewService } from './guide-view.service.js';
import { GuideExportPool } from './render/export-pool.js';

export interface GuideFile {
  /** The French file name, accents kept (`filename*`). */
  name: string;
  /** The same without accents or other non-ASCII characters (`filename`). */
  asciiName: string;
  contentType: string;
  body: Buffer;
}

const CONTENT_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

/** Lower case words joined by hyphens, letters (accented ones kept) and digits only: « Pays de Grasse » → pays-de-grasse. */
export function fileSlug(text: string): string {
  return (
    text
      .normalize('NFC')
      .toLocaleLowerCase('fr-FR')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'espace'
  );
}

/** The calendar day of an instant in France (a guide exported at 00:30 in Paris is of that day). */
const dayInFrance = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(iso));

/** `guide-d-appui-<space>-<day>.<ext>`, and its ASCII form. */
export function guideFileNames(view: GuideView, format: 'docx' | 'pdf'): { name: string; asciiName: string } {
  const space = view.spaces.map((s) => s.name).join(' ');
  const name = `guide-d-appui-${fileSlug(space)}-${dayInFrance(view.frozenAt ?? view.builtAt)}.${format}`;
  const asciiName = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '-');
  return { name, asciiName };
}

/** `attachment` with both names (RFC 6266 / RFC 5987): the ASCII one quoted, the UTF-8 one percent-encoded. */
export const contentDisposition = (file: { name: string; asciiName: string }) =>
  `attachment; filename="${file.asciiName.replace(/["\\]/g, '-')}"; filename*=UTF-8''${encodeURIComponent(file.name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;

/** The guide as a Word or PDF file: today's guide for the caller, or a frozen version. */
@Injectable()
export class GuideExportService {
  constructor(
    private readonly views: GuideViewService,
    private readonly versions: GuideVersionsService,
    private readonly pool: GuideExportPool,
  ) {}

  async export(spaceId: string, query: GuideExportQuery, reader: GuideReader): Promise<GuideFile> {
    const view = query.versionId ? await this.versions.view(spaceId, query.versionId) : await this.views.live(spaceId, reader);
    const locale = query.lang ?? reader.locale;
    // Rendered in a worker thread (never on the event loop); a frozen version's files are kept once made.
    const body = await this.pool.render({ format: query.format, view, locale }, query.versionId);
    return { ...guideFileNames(view, query.format), contentType: CONTENT_TYPES[query.format], body };
  }
}
