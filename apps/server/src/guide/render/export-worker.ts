import type { GuideView, Locale } from '@concerto/domain';
import { guideDocx } from './guide-docx.js';
import { guidePdf } from './guide-pdf.js';

/** One export asked of a worker thread: the resolved guide, the format and the language of the file. */
export interface GuideExportTask {
  format: 'docx' | 'pdf';
  view: GuideView;
  locale: Locale;
}

/**
 * Runs in a worker thread of the guide export pool (export-pool.ts): the renderers are pure functions of the view, so
 * the long synchronous layout (pdfmake) and chart drawing (resvg) happen off the server's event loop. The bytes go
 * back to the main thread as a Uint8Array.
 */
export default async function renderGuideExport({ format, view, locale }: GuideExportTask): Promise<Uint8Array> {
  const body = format === 'docx' ? await guideDocx(view, locale) : await guidePdf(view, locale);
  return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
}
