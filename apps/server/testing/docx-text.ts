import JSZip from 'jszip';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The text of a DOCX's paragraphs (its `word/document.xml`), one string per paragraph, XML entities decoded. */
export async function docxParagraphs(body: ArrayBuffer | Uint8Array): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(Buffer.from(body as ArrayBuffer))).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((r) => r[1]!.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e]!)).join(''),
  );
}
