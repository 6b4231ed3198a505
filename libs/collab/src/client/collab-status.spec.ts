import { type StatusFacts, statusOf } from './collab-status.js';

const live: StatusFacts = { stopped: false, connected: true, joined: true, everSynced: true, readOnly: false, pending: false, changed: true };

describe('what the editor tells about saving', () => {
  it('says saved only when no local change is pending', () => {
    expect(statusOf(live)).toBe('saved');
    expect(statusOf({ ...live, pending: true })).toBe('saving');
    expect(statusOf({ ...live, changed: false })).toBe('synced');
  });

  it('keeps unsaved edits visible as offline, never as saved, while the connection is down or rejoining', () => {
    expect(statusOf({ ...live, connected: false, pending: true })).toBe('offline');
    expect(statusOf({ ...live, connected: false, everSynced: false, pending: false })).toBe('connecting');
    expect(statusOf({ ...live, joined: false, pending: true })).toBe('reconnecting');
    expect(statusOf({ ...live, joined: false, everSynced: false })).toBe('connecting');
  });

  it('says refused above everything once the server keeps refusing, and synced for readers', () => {
    expect(statusOf({ ...live, stopped: true, pending: true })).toBe('refused');
    expect(statusOf({ ...live, readOnly: true, pending: true })).toBe('synced');
  });
});
