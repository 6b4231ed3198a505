import * as Y from 'yjs';
import { MessageType, SyncStep, readSyncBody, syncFrame } from '../protocol/frame.js';
import { joinSyncFrames } from './join-sync.js';

const joined = { ok: true as const, doc: 'space/x/diagnostic', readOnly: false, user: { id: 'u', name: 'U', color: '#000' } };

describe('the sync a join answer carries', () => {
  const server = new Y.Doc();
  server.getText('notes').insert(0, 'du serveur');
  const step2 = syncFrame(joined.doc, SyncStep.step2, Y.encodeStateAsUpdate(server));
  const vector = syncFrame(joined.doc, SyncStep.step1, Y.encodeStateVector(server));

  it('is the step 2 then the server vector, decoded in that order (also from an ArrayBuffer, as a browser gets it)', () => {
    const copy = step2.buffer.slice(step2.byteOffset, step2.byteOffset + step2.byteLength);
    const frames = joinSyncFrames({ ...joined, step2: copy as unknown as Uint8Array, stateVector: vector });
    expect(frames.map((frame) => frame.type)).toEqual([MessageType.sync, MessageType.sync]);
    expect(frames.map((frame) => readSyncBody(frame.decoder).step)).toEqual([SyncStep.step2, SyncStep.step1]);
  });

  it('is the step 2 alone for a read-only joiner', () => {
    const frames = joinSyncFrames({ ...joined, readOnly: true, step2 });
    expect(frames).toHaveLength(1);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, readSyncBody(frames[0].decoder).payload);
    expect(doc.getText('notes').toString()).toBe('du serveur');
  });

  it('is nothing from a server that answered without it, or with a frame this client cannot read (a step 1 follows)', () => {
    expect(joinSyncFrames(joined)).toEqual([]);
    expect(joinSyncFrames({ ...joined, step2: new Uint8Array(0) })).toEqual([]);
    expect(joinSyncFrames({ ...joined, step2, stateVector: new Uint8Array([0x80]) })).toEqual([]);
  });
});
