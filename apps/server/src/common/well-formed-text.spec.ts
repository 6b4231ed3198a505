import { hasLoneSurrogate, malformedTextPaths } from './well-formed-text.js';

describe('malformedTextPaths', () => {
  it('tells lone surrogates from pairs', () => {
    expect(hasLoneSurrogate('\ud800')).toBe(true);
    expect(hasLoneSurrogate('a\udfffb')).toBe(true);
    expect(hasLoneSurrogate('\udc00\ud800')).toBe(true);
    expect(hasLoneSurrogate('🎉 \ud83c\udf89 é')).toBe(false);
  });

  it('names every malformed string value and key, nested in objects and arrays, in document order', () => {
    const body = { title: 'ok', pole: { name: 'P\ud800' }, agenda: [{ title: 'a' }, { title: '\udfff' }], ['k\ud801']: 'x', tags: ['\ud83d'] };
    expect(malformedTextPaths(body)).toEqual(['pole.name', 'agenda.1.title', 'k\ufffd', 'tags.0']);
  });

  it('reports a malformed string at the root with an empty path and ignores other types', () => {
    expect(malformedTextPaths('\ud800')).toEqual(['']);
    expect(malformedTextPaths({ n: 1, b: true, z: null, u: undefined })).toEqual([]);
  });

  it('walks deep nesting without recursion and bounds what it reports', () => {
    let deep: unknown = '\ud800';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(malformedTextPaths(deep)).toHaveLength(1);
    expect(malformedTextPaths(Array(500).fill('\ud800'))).toHaveLength(50);
  });
});
