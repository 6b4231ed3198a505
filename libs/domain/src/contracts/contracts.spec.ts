import {
  CreateInvitationRequest,
  CreateOrganisationRequest,
  CreateSpaceRequest,
  SignUpRequest,
  UpdatePoleProfileRequest,
  cleanText,
  visibleLength,
  visibleText,
} from '../index.js';

describe('text cleaning', () => {
  it('trims, normalises to NFC and strips control characters', () => {
    const decomposed = 'Cre\u0300che\u0007 ';
    expect(cleanText(decomposed)).toBe('Crèche');
    expect(cleanText('a\u202Eb')).toBe('ab');
    expect(cleanText('line 1\nline 2')).toBe('line 1\nline 2');
  });
});

describe('visible text', () => {
  it('does not count white space, zero-width, format, bidi or filler characters', () => {
    expect(visibleLength('\u200B\u200C\u200D\u2060\uFEFF\u00AD\u200E\u200F\u202A\u202E\u2066\u2069 \t\u3164\uFE0F')).toBe(0);
    expect(visibleLength('Écopôle')).toBe(7);
  });

  it('refuses a required name that shows nothing, or fewer visible characters than its minimum', () => {
    const title = visibleText(3, 20);
    expect(title.safeParse('\u200B\u200B\u200B\u200B').success).toBe(false);
    expect(title.safeParse('ab\u00AD\u00AD').success).toBe(false);
    expect(title.safeParse('abc').success).toBe(true);
    expect(title.safeParse('Ferme 👩\u200D🌾').data).toBe('Ferme 👩\u200D🌾');
  });

  it('reports one issue per cause, marked as a text issue when the text is invisible', () => {
    const title = visibleText(3, 20);
    expect(title.safeParse('ab').error?.issues.map((i) => i.code)).toEqual(['too_small']);
    const invisible = title.safeParse('\u200B\u200B\u200B').error?.issues ?? [];
    expect(invisible).toHaveLength(1);
    expect(invisible[0]).toMatchObject({ code: 'custom', params: { textIssue: 'invisible_text' } });
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
    expect(CreateOrganisationRequest.safeParse({ kind: 'collectivite', name: 'Ville de Grasse', collectiviteLevel: 'commune' }).success).toBe(true);
    expect(CreateOrganisationRequest.safeParse({ kind: 'member_structure', name: 'SCOP Bois' }).success).toBe(false);
    expect(CreateOrganisationRequest.safeParse({ kind: 'member_structure', name: 'SCOP Bois', structureKind: 'social_economy' }).success).toBe(true);
  });
});

describe('CreateSpaceRequest', () => {
  it('accepts an existing pole or a new one', () => {
    expect(CreateSpaceRequest.safeParse({ title: 'Diagnostic 2026', pole: { name: 'TETRIS' } }).success).toBe(true);
    expect(CreateSpaceRequest.safeParse({ title: 'Diagnostic 2026', pole: { id: '6f1c1d2e-4a7b-4c8d-9e0f-112233445566' } }).success).toBe(true);
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
