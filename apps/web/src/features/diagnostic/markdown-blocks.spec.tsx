import { describe, expect, it } from '@jest/globals';
import { isValidElement, type ReactElement, type ReactNode } from 'react';
import { parseMarkdown, renderInline } from './markdown-blocks';

/** The text and element kinds of rendered nodes, e.g. ["Voir ", "<a href=https://x.fr>site</a>"]. */
function describeNodes(nodes: ReactNode[]): string[] {
  return nodes.map((node) => {
    if (!isValidElement(node)) return String(node);
    const element = node as ReactElement<{ href?: string; children: ReactNode[] }>;
    const href = element.props.href ? ` href=${element.props.href}` : '';
    return `<${String(element.type)}${href}>${describeNodes(element.props.children).join('')}</${String(element.type)}>`;
  });
}

describe('parseMarkdown', () => {
  it('splits headings, paragraphs, lists and tables', () => {
    const markdown = [
      '## Atouts du territoire',
      'Un tissu associatif',
      'dense.',
      '',
      '- cuisine partagée',
      '- ressourcerie',
      '1. diagnostic',
      '| Acteur | Rôle |',
      '| --- | --- |',
      '| Mairie | financeur \\| soutien |',
    ].join('\n');
    expect(parseMarkdown(markdown)).toEqual([
      { kind: 'heading', level: 2, text: 'Atouts du territoire' },
      { kind: 'paragraph', text: 'Un tissu associatif dense.' },
      { kind: 'list', ordered: false, items: ['cuisine partagée', 'ressourcerie'] },
      { kind: 'list', ordered: true, items: ['diagnostic'] },
      {
        kind: 'table',
        rows: [
          ['Acteur', 'Rôle'],
          ['Mairie', 'financeur | soutien'],
        ],
      },
    ]);
  });

  it('gives nothing for blank text', () => {
    expect(parseMarkdown('\n  \n')).toEqual([]);
  });
});

describe('renderInline', () => {
  it('renders bold, italic and safe links as elements', () => {
    expect(describeNodes(renderInline('**Fort** et *fragile*, voir [le site](https://pole.fr).'))).toEqual([
      '<strong>Fort</strong>',
      ' et ',
      '<em>fragile</em>',
      ', voir ',
      '<a href=https://pole.fr>le site</a>',
      '.',
    ]);
  });

  it('shows an unsafe link as plain text, never as a link', () => {
    expect(describeNodes(renderInline('[clic](javascript:alert(1))'))).not.toContainEqual(expect.stringContaining('<a'));
    expect(renderInline('[clic](javascript:alert)').join('')).toBe('clic (javascript:alert)');
  });

  it('removes Markdown escapes', () => {
    expect(renderInline('1\\. \\#2 \\[note\\] a\\|b')).toEqual(['1. #2 [note] a|b']);
  });
});
