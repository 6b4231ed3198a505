import type { AccountView } from '@concerto/domain';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

let sequence = 0;

/** A browser-like HTTP client: keeps the session cookie it is given. */
export class ApiClient {
  cookie: string | undefined;
  account: AccountView | undefined;

  constructor(readonly baseUrl: string) {}

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body);
  }
  patch<T = any>(path: string, body?: unknown) {
    return this.request<T>('PATCH', path, body);
  }
  delete<T = any>(path: string) {
    return this.request<T>('DELETE', path);
  }

  /** Signs up a new person (unique e-mail unless given) and keeps their session. */
  async signUp(overrides: { email?: string; displayName?: string; password?: string } = {}): Promise<AccountView> {
    sequence += 1;
    const email = overrides.email ?? `person${sequence}.${Date.now().toString(36)}@example.fr`;
    const response = await this.post<AccountView>('/api/auth/sign-up', {
      email,
      password: overrides.password ?? 'un mot de passe solide',
      displayName: overrides.displayName ?? `Personne ${sequence}`,
    });
    if (response.status !== 201) throw new Error(`sign-up failed: ${response.status} ${JSON.stringify(response.body)}`);
    this.account = response.body;
    return response.body;
  }
}

/** Builds a space (with a new pole) owned by `owner`; returns its id. */
export async function buildSpace(owner: ApiClient, overrides: { title?: string; poleName?: string } = {}): Promise<string> {
  const response = await owner.post('/api/spaces', {
    title: overrides.title ?? 'Espace de concertation',
    pole: { name: overrides.poleName ?? 'Pôle de test', territory: 'Territoire de test' },
  });
  if (response.status !== 201) throw new Error(`space creation failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.id as string;
}

/** Invites `member` into the space with `role` and has them accept. */
export async function addMember(owner: ApiClient, spaceId: string, member: ApiClient, role: string): Promise<void> {
  const invitation = await owner.post(`/api/spaces/${spaceId}/invitations`, { email: member.account!.email, role });
  if (invitation.status !== 201) throw new Error(`invitation failed: ${invitation.status} ${JSON.stringify(invitation.body)}`);
  const accepted = await member.post(`/api/invitations/${invitation.body.link.split('/').pop()}/accept`);
  if (accepted.status !== 200) throw new Error(`accept failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
}
