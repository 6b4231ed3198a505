import * as Y from 'yjs';
import { diagnosticSchema, readSections } from './diagnostic-doc.js';
import { type DocumentSchema, migrateDocument, schemaVersionOf } from './document-schema.js';

describe('document schemas', () => {
  it('creates the diagnostic template once, with French titles', () => {
    const doc = new Y.Doc();
    expect(migrateDocument(doc, diagnosticSchema)).toBe(0);
    expect(schemaVersionOf(doc)).toBe(1);
    const sections = readSections(doc);
    expect(sections).toHaveLength(5 + 7 + 8);
    expect(sections.find((s) => s.key === 'pedagogy')?.title).toBe("Levier 1 — Faire œuvre de pédagogie sur l'ESS");
    expect(migrateDocument(doc, diagnosticSchema)).toBe(1);
    expect(readSections(doc)).toHaveLength(20);
  });

  it('migrates an older document step by step, as one stored update', () => {
    const schema: DocumentSchema = {
      kind: 'test',
      version: 3,
      migrations: {
        0: (doc) => doc.getMap('data').set('a', 1),
        1: (doc) => doc.getMap('data').set('b', 2),
        2: (doc) => doc.getMap('data').delete('a'),
      },
    };
    const doc = new Y.Doc();
    doc.getMap('meta').set('schemaVersion', 1);
    const updates: unknown[] = [];
    doc.on('update', (_u: Uint8Array, origin: unknown) => updates.push(origin));
    migrateDocument(doc, schema);
    expect(doc.getMap('data').toJSON()).toEqual({ b: 2 });
    expect(schemaVersionOf(doc)).toBe(3);
    expect(updates).toEqual(['migration']);
  });

  it('fails loudly when a migration is missing', () => {
    expect(() => migrateDocument(new Y.Doc(), { kind: 'x', version: 2, migrations: { 0: () => undefined } })).toThrow(/no migration from version 1/);
  });
});
