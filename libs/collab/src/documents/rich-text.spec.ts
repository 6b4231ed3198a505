import * as Y from 'yjs';
import { isSafeHref, richTextToMarkdown } from './rich-text.js';

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
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:x', 'data:text/html,x', 'vbscript:x', '//evil', 'http://a b', 42]) expect(isSafeHref(bad)).toBe(false);
  });
});
