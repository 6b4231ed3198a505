import { consentOutcome } from './consent-outcome.js';

const tally = (consent: Record<string, number>) => ({ voters: Object.values(consent).reduce((a, b) => a + b, 0), consent });

describe('consentOutcome', () => {
  it('is adopted once closed with answers and no objection, even with disagreements', () => {
    expect(consentOutcome({ kind: 'consent', status: 'closed' }, tally({ agree: 2, abstain: 1, disagree: 1, objection: 0 }))).toBe('adopted');
  });
  it('is blocked by one objection', () => {
    expect(consentOutcome({ kind: 'consent', status: 'closed' }, tally({ agree: 5, abstain: 0, disagree: 0, objection: 1 }))).toBe('blocked');
  });
  it('has no outcome while open, without answers it says so, and other votes have none', () => {
    expect(consentOutcome({ kind: 'consent', status: 'open' }, tally({ agree: 3, abstain: 0, disagree: 0, objection: 0 }))).toBeNull();
    expect(consentOutcome({ kind: 'consent', status: 'closed' }, tally({ agree: 0, abstain: 0, disagree: 0, objection: 0 }))).toBe('no_answer');
    expect(consentOutcome({ kind: 'dot', status: 'closed' }, { voters: 3, consent: null })).toBeNull();
    expect(consentOutcome({ kind: 'consent', status: 'closed' }, null)).toBeNull();
  });
});
