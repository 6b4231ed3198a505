import {
  CreateInvitationRequest,
  CreateOrganisationRequest,
  CreateSpaceRequest,
  SignUpRequest,
  UpdatePoleProfileRequest,
  cleanText,
} from '../index.js';

describe('text cleaning', () => {
  it('trims, normalises to NFC and strips control characters', () => {
    const decomposed = 'Cre\u0300che\u0007 ';
    expect(cleanText(decomposed)).toBe('Crèche');
    expect(cleanText('a\u202Eb')).toBe('ab');
    expect(cleanText('line 1\nline 2')).toBe('line 1\nline 2');
  });
});

describe('SignUpRequest', () => {
  const valid = { email: '  Alice@Example.FR ', password: 'correct horse battery', displayName: '  Alice   Martin ' };

  it('normalises the e-mail and the name', () => {
    const parsed = SignUpRequest.parse(valid);
    expect(parsed.email).toBe('alice@example.fr');
    expect(parsed.displayName).toBe('Alice Martin');
  });

  it('names the offending fields', () => {
    const result = SignUpRequest.safeParse({ email: 'nope', password: 'short', displayName: '' });
    expect(result.success).toBe(false);
    const paths = (result.error?.issues ?? []).map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['email', 'password', 'displayName']));
  });

  it('refuses unknown fields', () => {
    expect(SignUpRequest.safeParse({ ...valid, isAdmin: true }).success).toBe(false);
  });

  it('bounds lengths', () => {
    expect(SignUpRequest.safeParse({ ...valid, displayName: 'x'.repeat(121) }).success).toBe(false);
    expect(SignUpRequest.safeParse({ ...valid, password: 'x'.repeat(201) }).success).toBe(false);
  });
});

describe('CreateOrganisationRequest', () => {
  it('requires a level for a collectivité and a kind for a member structure', () => {
    expect(CreateOrganisationRequest.safeParse({ kind: 'collectivite', name: 'Ville de Grasse' }).success).toBe(false);
    expect(
      CreateOrganisationRequest.safeParse({ kind: 'collectivite', name: 'Ville de Grasse', collectiviteLevel: 'commune' })
        .success,
    ).toBe(true);
    expect(CreateOrganisationRequest.safeParse({ kind: 'member_structure', name: 'SCOP Bois' }).success).toBe(false);
    expect(
      CreateOrganisationRequest.safeParse({ kind: 'member_structure', name: 'SCOP Bois', structureKind: 'social_economy' })
        .success,
    ).toBe(true);
  });
});

describe('CreateSpaceRequest', () => {
  it('accepts an existing pole or a new one', () => {
    expect(CreateSpaceRequest.safeParse({ title: 'Diagnostic 2026', pole: { name: 'TETRIS' } }).success).toBe(true);
    expect(
      CreateSpaceRequest.safeParse({ title: 'Diagnostic 2026', pole: { id: '6f1c1d2e-4a7b-4c8d-9e0f-112233445566' } }).success,
    ).toBe(true);
    expect(CreateSpaceRequest.safeParse({ title: 'Diagnostic 2026', pole: { id: 'x' } }).success).toBe(false);
    expect(CreateSpaceRequest.safeParse({ title: 'ab', pole: { name: 'TETRIS' } }).success).toBe(false);
  });
});

describe('UpdatePoleProfileRequest', () => {
  it('de-duplicates grid values and refuses unknown ones', () => {
    const parsed = UpdatePoleProfileRequest.parse({ sectors: ['social', 'social', 'culture'] });
    expect(parsed.sectors).toEqual(['social', 'culture']);
    expect(UpdatePoleProfileRequest.safeParse({ sectors: ['agriculture'] }).success).toBe(false);
    expect(UpdatePoleProfileRequest.safeParse({ memberStructureCount: -1 }).success).toBe(false);
    expect(UpdatePoleProfileRequest.safeParse({}).success).toBe(false);
  });
});

describe('CreateInvitationRequest', () => {
  it('requires a valid role', () => {
    expect(CreateInvitationRequest.safeParse({ email: 'bob@example.fr', role: 'contributeur' }).success).toBe(true);
    expect(CreateInvitationRequest.safeParse({ email: 'bob@example.fr', role: 'admin' }).success).toBe(false);
  });
});
