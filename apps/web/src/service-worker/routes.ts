/**
 * Navigations the app's shell must not answer: the API (its docs, downloads), the sockets, files, and the pages the
 * server renders itself (the published guide, the unsubscribe page: apps/server/src/common/pages-outside-api.ts). Files sit at the root of the
 * build (`/sw.js`); the app's own paths never end in an extension.
 */
export const NOT_THE_SHELL: RegExp[] = [/^\/api(\/|$)/, /^\/socket\.io(\/|$)/, /^\/guide-public\//, /^\/unsubscribe\//, /^\/[^/?]+\.[a-z0-9]+(\?|$)/i];

/**
 * A GET of the API whose last answer is kept for offline use: not a download (export), not the API's docs, and not a
 * password-reset check (its path carries a secret token that must not stay in the browser's cache).
 */
export function isKeptApiRead(pathname: string): boolean {
  return pathname.startsWith('/api/') && !pathname.includes('/export') && !pathname.startsWith('/api/docs') && !pathname.startsWith('/api/auth/password-reset');
}
