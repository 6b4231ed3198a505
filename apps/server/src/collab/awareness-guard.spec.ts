import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { AwarenessSpoofError, bindAwareness, decodeAwareness, encodeAwareness } from './awareness-guard.js';

const alice = { id: 'a', name: 'Alice', color: '#123456' };

describe('awareness guard', () => {
  it('round-trips y-protocols awareness updates', () => {
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    awareness.setLocalState({ cursor: 3, user: { name: 'Mallory' } });
    const update = encodeAwarenessUpdate(awareness, [doc.clientID]);
    const entries = decodeAwareness(update);
    expect(entries).toEqual([{ clientId: doc.clientID, clock: expect.any(Number), state: { cursor: 3, user: { name: 'Mallory' } } }]);
    expect(decodeAwareness(encodeAwareness(entries))).toEqual(entries);
    awareness.destroy();
  });

  it('replaces the claimed identity with the authenticated one', () => {
    const owned = new Set<number>();
    const bound = bindAwareness([{ clientId: 7, clock: 1, state: { user: { id: 'b', name: 'Bob' }, cursor: 1 } }], alice, owned, () => false);
    expect(bound[0].state).toEqual({ user: alice, cursor: 1 });
    expect(owned).toEqual(new Set([7]));
  });

  it("refuses to speak for another client's id", () => {
    const owned = new Set<number>([7]);
    expect(() => bindAwareness([{ clientId: 8, clock: 1, state: {} }], alice, owned, () => false)).toThrow(AwarenessSpoofError);
    expect(() => bindAwareness([{ clientId: 9, clock: 1, state: {} }], alice, new Set(), (id) => id === 9)).toThrow(AwarenessSpoofError);
  });

  it('rejects malformed updates', () => {
    expect(() => decodeAwareness(new Uint8Array([1, 2]))).toThrow();
    expect(() => decodeAwareness(encodeAwareness([{ clientId: 1, clock: 1, state: null }]).slice(0, 3))).toThrow();
  });
});
