import * as Y from 'yjs';
import { diagnosticDocument } from '@concerto/collab';
import { ApiClient, addMember, buildSpace } from '../../testing/api-client.js';
import { eventually, openDocument, type OpenedDocument } from '../../testing/collab-clients.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { CollabDocumentsRepository } from './collab-documents.repository.js';

function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Several clients make random concurrent inserts, deletes and formatting on the same documents, with random
 * disconnections; in the end every client and the document reloaded from the database are identical.
 */
describe('convergence under concurrent edits and disconnections', () => {
  let t: TestApp;
  const seed = Number(process.env.CONVERGENCE_SEED ?? Date.now() % 100000);
  const random = prng(seed);
  const opened: OpenedDocument[] = [];

  beforeAll(async () => {
    t = await startTestApp({ COLLAB_COMPACT_EVERY: '40' });
  });
  afterAll(async () => {
    for (const o of opened) o.close();
    await t.close();
  });

  function randomEdit(doc: Y.Doc): void {
    const text = doc.getText('body');
    const roll = random();
    if (roll < 0.55 || text.length < 5) {
      text.insert(Math.floor(random() * (text.length + 1)), ['terr', 'itoire ', 'coopé', 'ration ', 'ESS ', '\n'][Math.floor(random() * 6)]);
    } else if (roll < 0.8) {
      const index = Math.floor(random() * text.length);
      text.delete(index, Math.min(1 + Math.floor(random() * 4), text.length - index));
    } else {
      const index = Math.floor(random() * text.length);
      text.format(index, Math.min(1 + Math.floor(random() * 6), text.length - index), {
        bold: random() < 0.5 ? true : null,
        italic: random() < 0.3 ? true : null,
      });
    }
  }

  it(`converges (seed ${seed})`, async () => {
    const owner = new ApiClient(t.url);
    await owner.signUp();
    const spaceId = await buildSpace(owner);
    const people = [owner];
    for (let i = 0; i < 3; i++) {
      const person = new ApiClient(t.url);
      await person.signUp();
      await addMember(owner, spaceId, person, 'contributeur');
      people.push(person);
    }
    const otherSpace = await buildSpace(owner);
    await Promise.all(people.slice(1).map((p) => addMember(owner, otherSpace, p, 'contributeur')));
    const names = [diagnosticDocument(spaceId), diagnosticDocument(otherSpace)];
    const clients: OpenedDocument[] = [];
    for (const name of names) {
      for (const person of people) {
        const o = await openDocument(t.url, person.cookie, name);
        opened.push(o);
        clients.push(o);
      }
    }

    for (let round = 0; round < 30; round++) {
      for (const client of clients) {
        const edits = Math.floor(random() * 4);
        for (let i = 0; i < edits; i++) randomEdit(client.doc);
        if (random() < 0.06 && client.socket.connected) {
          client.socket.disconnect();
          setTimeout(() => client.socket.connect(), 20 + Math.floor(random() * 200));
        }
      }
      await new Promise((r) => setTimeout(r, Math.floor(random() * 30)));
    }

    for (const client of clients) if (!client.socket.connected) client.socket.connect();
    await eventually(() => clients.every((c) => c.document.status === 'saved' || c.document.status === 'synced'), 20000, 'everything saved');
    const store = new CollabDocumentsRepository(t.dataSource);
    for (const name of names) {
      const stored = new Y.Doc();
      for (const u of await store.load(name)) Y.applyUpdate(stored, u);
      const expected = JSON.stringify(stored.getText('body').toDelta());
      const ofDoc = clients.filter((c) => c.document.name === name);
      await eventually(() => ofDoc.every((c) => JSON.stringify(c.doc.getText('body').toDelta()) === expected), 10000, `convergence of ${name}`);
      expect(stored.getText('body').length).toBeGreaterThan(0);
    }
  });
});
