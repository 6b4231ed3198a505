import { describe, expect, it } from '@jest/globals';
import { authSearch, isInvitationPath, safeNext } from './safe-next';

describe('safeNext', () => {
  it('keeps a path of this app', () => {
    expect(safeNext('/espaces/1/projets?x=1')).toBe('/espaces/1/projets?x=1');
  });

  it.each([null, '', 'https://evil.example', '//evil.example', '/\\evil.example', 'espaces'])('sends %p home', (value) => {
    expect(safeNext(value)).toBe('/');
  });
});

describe('authSearch and invitation paths', () => {
  it('carries next and email, and nothing for the home page', () => {
    expect(authSearch('/')).toBe('');
    expect(authSearch('/invitations/abc', 'ana@example.org')).toBe('?next=%2Finvitations%2Fabc&email=ana%40example.org');
  });

  it('recognises invitation links', () => {
    expect(isInvitationPath('/invitations/abc')).toBe(true);
    expect(isInvitationPath('/espaces/abc')).toBe(false);
  });
});
