/** Whether an `Origin` header names one of the allowed origins (PUBLIC_URL, localhost/127.0.0.1 on PORT, ALLOWED_ORIGINS). */
export function isAllowedOrigin(origin: string, allowedOrigins: readonly string[]): boolean {
  return allowedOrigins.includes(origin.replace(/\/$/, ''));
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface RequestSource {
  method: string;
  origin: string | undefined;
  /** `Sec-Fetch-Site`: `same-origin`, `same-site`, `cross-site` or `none` (typed by the user). */
  fetchSite: string | undefined;
}

/**
 * Whether a browser page of another origin sent this state-changing request (cross-site request forgery).
 * A browser names the page's origin in `Origin` on every POST, PUT, PATCH and DELETE; when it does not, its
 * `Sec-Fetch-Site` tells. A request with neither header comes from no browser (curl, a server, the tests): the
 * cookie alone judges it. Reads are left alone: without CORS headers another origin cannot read the answer.
 */
export function isForeignWrite(source: RequestSource, allowedOrigins: readonly string[]): boolean {
  if (SAFE_METHODS.has(source.method.toUpperCase())) return false;
  if (source.origin !== undefined) return !isAllowedOrigin(source.origin, allowedOrigins);
  if (source.fetchSite !== undefined) return source.fetchSite !== 'same-origin' && source.fetchSite !== 'none';
  return false;
}
