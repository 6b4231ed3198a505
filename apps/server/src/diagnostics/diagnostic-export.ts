import { Document, ExternalHyperlink, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import * as Y from 'yjs';
import { describeReference, readSections, referenceAttributes, richTextToMarkdown, sectionContentKey, textRuns } from '@concerto/collab';
import { type Locale, SectionStatus, type SectionStateView, escapeMarkdown, labelOf, withoutControlCharacters } from '@concerto/domain';

const WORDS = {
  fr: { title: 'Diagnostic partagé', status: 'Statut', score: 'Auto-évaluation', justification: 'Justification', none: 'non évaluée' },
  en: { title: 'Shared diagnostic', status: 'Status', score: 'Self-assessment', justification: 'Justification', none: 'not assessed' },
} as const;

// Control characters are not allowed in Word XML; user text stays plain runs (never interpreted).
const plain = withoutControlCharacters;

function assessment(state: SectionStateView | undefined, locale: Locale): string {
  const w = WORDS[locale];
  const score = state?.score === null || state?.score === undefined ? w.none : `${state.score}/4`;
  return `${w.status} : ${labelOf(SectionStatus, state?.status ?? 'to_complete', locale)} — ${w.score} : ${score}`;
}

/** The diagnostic as Markdown: its sections (archived ones left out), their assessment, their text. */
export function diagnosticMarkdown(doc: Y.Doc, title: string, states: Map<string, SectionStateView>, locale: Locale): string {
  const w = WORDS[locale];
  const out = [`# ${w.title} — ${escapeMarkdown(title)}`, ''];
  for (const section of readSections(doc).filter((s) => !s.archived)) {
    const state = states.get(section.id);
    out.push(`## ${escapeMarkdown(section.title)}`, '', `*${assessment(state, locale)}*`, '');
    if (state?.justification) out.push(`> ${w.justification} : ${escapeMarkdown(state.justification)}`, '');
    const text = richTextToMarkdown(doc.getXmlFragment(sectionContentKey(section.id)));
    if (text) out.push(text, '');
  }
  return out.join('\n');
}

function inlineRuns(node: Y.XmlElement | Y.XmlText): (TextRun | ExternalHyperlink)[] {
  if (node instanceof Y.XmlText) {
    return textRuns(node).map((run) => {
      const text = new TextRun({ text: plain(run.text), bold: run.bold, italics: run.italic, ...(run.href ? { style: 'Hyperlink' } : {}) });
      return run.href ? new ExternalHyperlink({ link: run.href, children: [text] }) : text;
    });
  }
  if (node.nodeName === 'hardBreak') return [new TextRun({ text: '', break: 1 })];
  return (node.toArray() as (Y.XmlElement | Y.XmlText)[]).flatMap(inlineRuns);
}

function blocks(node: Y.XmlElement | Y.XmlText, depth = 0): (Paragraph | Table)[] {
  if (node instanceof Y.XmlText) return [new Paragraph({ children: inlineRuns(node) })];
  const children = node.toArray() as (Y.XmlElement | Y.XmlText)[];
  switch (node.nodeName) {
    case 'heading': {
      const level = Number(node.getAttribute('level')) || 2;
      const heading = level <= 2 ? HeadingLevel.HEADING_3 : level === 3 ? HeadingLevel.HEADING_4 : HeadingLevel.HEADING_5;
      return [new Paragraph({ heading, children: inlineRuns(node) })];
    }
    case 'bulletList':
    case 'orderedList':
      return children.flatMap((item, i) =>
        (item instanceof Y.XmlElement ? (item.toArray() as (Y.XmlElement | Y.XmlText)[]) : [item]).flatMap((child, j) =>
          child instanceof Y.XmlElement && (child.nodeName === 'bulletList' || child.nodeName === 'orderedList')
            ? blocks(child, depth + 1)
            : node.nodeName === 'bulletList'
              ? [new Paragraph({ bullet: { level: Math.min(depth, 8) }, children: inlineRuns(child) })]
              : [new Paragraph({ indent: { left: 360 * (depth + 1) }, children: [...(j === 0 ? [new TextRun(`${i + 1}. `)] : []), ...inlineRuns(child)] })],
        ),
      );
    case 'table': {
      const rows = children.filter((r): r is Y.XmlElement => r instanceof Y.XmlElement);
      if (rows.length === 0) return [];
      return [
        new Table({
          rows: rows.map(
            (row) =>
              new TableRow({
                children: (row.toArray() as Y.XmlElement[]).map((cell) => new TableCell({ children: [new Paragraph({ children: inlineRuns(cell) })] })),
              }),
          ),
        }),
      ];
    }
    case 'blockquote':
      return children.flatMap((c) => blocks(c, depth)).map((b) => b);
    case 'horizontalRule':
      return [new Paragraph({ thematicBreak: true, children: [] })];
    case 'liveReference':
      // Not allowed in a diagnostic by the policy; worded should one ever be there.
      return [new Paragraph({ children: [new TextRun({ text: describeReference(referenceAttributes(node), 'fr'), italics: true })] })];
    default:
      return [new Paragraph({ children: inlineRuns(node) })];
  }
}

/** The diagnostic as a Word document: one Heading 2 per section, its assessment, its text with headings, lists, tables, links. */
export async function diagnosticDocx(doc: Y.Doc, title: string, states: Map<string, SectionStateView>, locale: Locale): Promise<Buffer> {
  const w = WORDS[locale];
  const children: (Paragraph | Table)[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(plain(`${w.title} — ${title}`))] })];
  for (const section of readSections(doc).filter((s) => !s.archived)) {
    const state = states.get(section.id);
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(plain(section.title))] }));
    children.push(new Paragraph({ children: [new TextRun({ text: plain(assessment(state, locale)), italics: true })] }));
    if (state?.justification) children.push(new Paragraph({ children: [new TextRun(plain(`${w.justification} : ${state.justification}`))] }));
    for (const node of doc.getXmlFragment(sectionContentKey(section.id)).toArray() as (Y.XmlElement | Y.XmlText)[]) children.push(...blocks(node));
  }
  return Packer.toBuffer(new Document({ creator: 'Concerto', title: plain(`${w.title} — ${title}`), sections: [{ children }] }));
}
