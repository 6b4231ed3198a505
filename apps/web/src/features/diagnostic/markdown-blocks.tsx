import type { ReactNode } from 'react';
import { isAllowedLink } from './diagnostic-extensions';

/**
 * A safe, read-only rendering of the Markdown the server produces for a section (headings, paragraphs,
 * lists, tables, bold, italic, links). Everything becomes React text nodes: no HTML is ever injected, and
 * links other than http(s) and mailto are shown as plain text.
 */

type Block =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; ordered: boolean; items: string[] }
  | { kind: 'table'; rows: string[][] };

const cellsOf = (line: string) =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim().replace(/\\\|/g, '|'));

export function parseMarkdown(markdown: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
    paragraph = [];
  };
  for (const raw of markdown.split(/\r?\n/)) {
    const line = raw.trimEnd();
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const bullet = /^\s*[-*+]\s+(.*)$/.exec(line);
    const ordered = /^\s*\d+[.)]\s+(.*)$/.exec(line);
    const last = blocks[blocks.length - 1];
    if (!line.trim()) flush();
    else if (heading) {
      flush();
      blocks.push({ kind: 'heading', level: heading[1].length, text: heading[2] });
    } else if (bullet || ordered) {
      flush();
      const text = (bullet ?? ordered)?.[1] ?? '';
      if (last?.kind === 'list' && last.ordered === !bullet) last.items.push(text);
      else blocks.push({ kind: 'list', ordered: !bullet, items: [text] });
    } else if (line.trim().startsWith('|')) {
      flush();
      if (/^\s*\|?[\s:|-]+\|?\s*$/.test(line) && line.includes('-')) continue; // the header separator row
      if (last?.kind === 'table') last.rows.push(cellsOf(line));
      else blocks.push({ kind: 'table', rows: [cellsOf(line)] });
    } else paragraph.push(line.trim());
  }
  flush();
  return blocks;
}

/** Bold, italic and links inside a line, as React nodes. */
export function renderInline(text: string, keyPrefix = 'i'): ReactNode[] {
  const nodes: ReactNode[] = [];
  const pattern = /\*\*(.+?)\*\*|__(.+?)__|\*(.+?)\*|_(.+?)_|\[([^\]]*)\]\(([^)\s]+)\)/g;
  let last = 0;
  let index = 0;
  for (const match of text.matchAll(pattern)) {
    const at = match.index ?? 0;
    if (at > last) nodes.push(unescape(text.slice(last, at)));
    const key = `${keyPrefix}-${index++}`;
    if (match[1] ?? match[2]) nodes.push(<strong key={key}>{renderInline(match[1] ?? match[2], key)}</strong>);
    else if (match[3] ?? match[4]) nodes.push(<em key={key}>{renderInline(match[3] ?? match[4], key)}</em>);
    else if (isAllowedLink(match[6])) {
      nodes.push(
        <a key={key} href={match[6]} rel="noopener noreferrer nofollow">
          {renderInline(match[5], key)}
        </a>,
      );
    } else nodes.push(unescape(`${match[5]} (${match[6]})`));
    last = at + match[0].length;
  }
  if (last < text.length) nodes.push(unescape(text.slice(last)));
  return nodes;
}

const unescape = (text: string) => text.replace(/\\([\\`*_{}[\]()#+\-.!|>])/g, '$1');

/** Headings inside a section start below the section's own heading level. */
export function MarkdownBlocks({ markdown, baseLevel }: { markdown: string; baseLevel: number }) {
  const blocks = parseMarkdown(markdown);
  return (
    <>
      {blocks.map((block, i) => {
        const key = `b-${i}`;
        switch (block.kind) {
          case 'heading': {
            const level = Math.min(6, baseLevel + Math.max(1, block.level - 1));
            const Tag = `h${level}` as 'h4' | 'h5' | 'h6';
            return <Tag key={key}>{renderInline(block.text, key)}</Tag>;
          }
          case 'paragraph':
            return <p key={key}>{renderInline(block.text, key)}</p>;
          case 'list': {
            const items = block.items.map((item, j) => <li key={`${key}-${j}`}>{renderInline(item, `${key}-${j}`)}</li>);
            return block.ordered ? <ol key={key}>{items}</ol> : <ul key={key}>{items}</ul>;
          }
          case 'table': {
            const [head, ...body] = block.rows;
            return (
              <table key={key} className="diagnostic-version__table">
                <thead>
                  <tr>
                    {head.map((cell, j) => (
                      <th key={j} scope="col">
                        {renderInline(cell, `${key}-h${j}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {body.map((row, r) => (
                    <tr key={r}>
                      {row.map((cell, j) => (
                        <td key={j}>{renderInline(cell, `${key}-${r}-${j}`)}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            );
          }
        }
      })}
    </>
  );
}
