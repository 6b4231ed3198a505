import { describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import { anchorStillThere, fromBase64, toBase64 } from './comment-anchors';

/** A section's fragment with one paragraph, and an anchor on characters [from, to) of its text. */
function sectionWithAnchor(text: string, from: number, to: number) {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment('section');
  const paragraph = new Y.XmlElement('paragraph');
  const content = new Y.XmlText();
  fragment.insert(0, [paragraph]);
  paragraph.insert(0, [content]);
  content.insert(0, text);
  const position = (index: number, assoc: number) => toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(content, index, assoc)));
  const anchor = { start: position(from, 0), end: position(to, -1), quote: text.slice(from, to) };
  return { doc, content, anchor };
}

describe('comment anchors', () => {
  it('encodes bytes as base64 and back', () => {
    const bytes = new Uint8Array([0, 1, 127, 128, 255]);
    expect(toBase64(bytes)).toBe('AAF/gP8=');
    expect(fromBase64(toBase64(bytes))).toEqual(bytes);
  });

  it('keeps an anchor while others edit around its passage', () => {
    const { doc, content, anchor } = sectionWithAnchor('Le pôle réunit douze structures.', 15, 20);
    content.insert(0, 'Depuis 2015, ');
    content.insert(content.length, ' Il recrute.');
    expect(anchorStillThere(doc, anchor)).toBe(true);
  });

  it('drops an anchor whose passage was deleted', () => {
    const { doc, content, anchor } = sectionWithAnchor('Le pôle réunit douze structures.', 15, 20);
    content.delete(10, 15);
    expect(anchorStillThere(doc, anchor)).toBe(false);
  });

  it('refuses an anchor that cannot be decoded', () => {
    const { doc, anchor } = sectionWithAnchor('Texte', 0, 5);
    expect(anchorStillThere(doc, { ...anchor, start: 'pas du base64 !' })).toBe(false);
  });
});
