import * as Y from 'yjs';
import { isAllowedMark, isAllowedNodeAttribute, isSafeHref, richTextToMarkdown } from './rich-text.js';

const block = (name: string, text: string, attributes?: Record<string, unknown>) => {
  const element = new Y.XmlElement(name);
  const t = new Y.XmlText();
  t.insert(0, text, attributes);
  element.insert(0, [t]);
  return element;
};

describe('rich text to Markdown', () => {
  it('renders headings, lists, marks and tables', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('f');
    const heading = block('heading', 'Constats');
    heading.setAttribute('level', 2 as unknown as string);
    const list = new Y.XmlElement('bulletList');
    const item = new Y.XmlElement('listItem');
    item.insert(0, [block('paragraph', 'Emplois', { bold: true })]);
    list.insert(0, [item]);
    const table = new Y.XmlElement('table');
    const row = new Y.XmlElement('tableRow');
    row.insert(0, [block('tableCell', 'A'), block('tableCell', 'B')]);
    table.insert(0, [row]);
    fragment.insert(0, [heading, list, table]);
    expect(richTextToMarkdown(fragment)).toBe('### Constats\n\n- **Emplois**\n\n| A | B |\n| --- | --- |');
  });

  it('keeps user text inert: escapes Markdown and HTML, drops unsafe links', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('f');
    fragment.insert(0, [
      block('paragraph', '<img src=x onerror=alert(1)>'),
      block('paragraph', 'piège', { link: { href: 'javascript:alert(1)' } }),
      block('paragraph', 'RTES', { link: { href: 'https://www.rtes.fr' } }),
    ]);
    const md = richTextToMarkdown(fragment);
    expect(md).toContain('\\<img src=x onerror=alert\\(1\\)\\>');
    expect(md).not.toContain('javascript:');
    expect(md).toContain('[RTES](https://www.rtes.fr)');
  });

  it('accepts only web and e-mail links', () => {
    expect(isSafeHref('https://example.fr/a')).toBe(true);
    expect(isSafeHref('mailto:contact@example.fr')).toBe(true);
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:x', 'data:text/html,x', 'vbscript:x', '//evil', 'http://a b', 42])
      expect(isSafeHref(bad)).toBe(false);
  });
});

describe('the attribute schema of rich text', () => {
  it.each<[string, string, unknown]>([
    ['heading', 'level', 1],
    ['heading', 'level', 6],
    ['heading', 'level', '2'],
    ['orderedList', 'start', 1],
    ['orderedList', 'start', -3],
    ['orderedList', 'type', 'i'],
    ['codeBlock', 'language', 'c++'],
    ['tableCell', 'colspan', 3],
    ['tableHeader', 'rowspan', 2],
    ['tableCell', 'colwidth', [120, 0, 80.5]],
    ['tableCell', 'colwidth', null],
    ['tableCell', 'align', 'center'],
  ])('accepts %s %s = %j', (node, name, value) => expect(isAllowedNodeAttribute(node, name, value)).toBe(true));

  it.each<[string, string, unknown]>([
    ['heading', 'level', 0],
    ['heading', 'level', 7],
    ['heading', 'level', 2.5],
    ['heading', 'level', '<b>'],
    ['heading', 'style', 'x'],
    ['paragraph', 'level', 2],
    ['paragraph', 'onclick', 'alert(1)'],
    ['paragraph', 'constructor', 'x'],
    ['paragraph', 'toString', 'x'],
    ['script', 'src', 'x'],
    ['orderedList', 'start', Number.NaN],
    ['orderedList', 'start', 1e300],
    ['orderedList', 'type', 'square'],
    ['codeBlock', 'language', ''],
    ['codeBlock', 'language', 'a b'],
    ['codeBlock', 'language', 'x'.repeat(65)],
    ['tableCell', 'colspan', 0],
    ['tableCell', 'colspan', 1001],
    ['tableCell', 'colspan', '2'],
    ['tableCell', 'colwidth', []],
    ['tableCell', 'colwidth', [-1]],
    ['tableCell', 'colwidth', [Number.POSITIVE_INFINITY]],
    ['tableCell', 'colwidth', '100'],
    ['tableCell', 'align', 'justify'],
  ])('refuses %s %s = %j', (node, name, value) => expect(isAllowedNodeAttribute(node, name, value)).toBe(false));

  it('accepts marks as y-tiptap and plain Yjs formatting write them', () => {
    expect(isAllowedMark('bold', {})).toBe(true);
    expect(isAllowedMark('bold', true)).toBe(true);
    expect(isAllowedMark('italic', null)).toBe(true);
    expect(isAllowedMark('link', { href: 'https://www.rtes.fr', target: null, rel: 'noopener noreferrer nofollow', class: null, title: null })).toBe(true);
    expect(isAllowedMark('link', { href: 'mailto:a@b.fr', target: '_blank', rel: 'noopener', class: 'externe', title: 2024 })).toBe(true);
    expect(isAllowedMark('link', null)).toBe(true);
  });

  it('refuses unknown marks, unknown attributes and unsafe or oversized values', () => {
    expect(isAllowedMark('font', {})).toBe(false);
    expect(isAllowedMark('bold--AbCdEf12', {})).toBe(false);
    expect(isAllowedMark('constructor', {})).toBe(false);
    expect(isAllowedMark('bold', { style: 'x' })).toBe(false);
    expect(isAllowedMark('bold', [])).toBe(false);
    expect(isAllowedMark('bold', 'yes')).toBe(false);
    expect(isAllowedMark('link', true)).toBe(false);
    expect(isAllowedMark('link', {})).toBe(false);
    expect(isAllowedMark('link', { href: 'javascript:alert(1)' })).toBe(false);
    expect(isAllowedMark('link', { href: 'https://a.fr', onclick: 'x' })).toBe(false);
    expect(isAllowedMark('link', { href: 'https://a.fr', class: { a: 1 } })).toBe(false);
    expect(isAllowedMark('link', { href: 'https://a.fr', target: 'x'.repeat(101) })).toBe(false);
    expect(isAllowedMark('link', { href: 'https://a.fr', title: 'a\u0000b' })).toBe(false);
    expect(isAllowedMark('link', JSON.parse('{"href":"https://a.fr","__proto__":{"x":1}}'))).toBe(false);
  });
});
