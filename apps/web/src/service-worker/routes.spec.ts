import { describe, expect, it } from '@jest/globals';
import { isKeptApiRead, NOT_THE_SHELL } from './routes';

/** As workbox-routing's NavigationRoute tests a navigation: its path and query against each pattern of the deny list. */
const answeredByShell = (pathAndSearch: string) => !NOT_THE_SHELL.some((pattern) => pattern.test(pathAndSearch));

describe('the offline shell’s routes', () => {
  it('answers the app’s pages with the shell, deep links and queries included', () => {
    for (const page of [
      '/',
      '/connexion',
      '/espaces/0b6f7c1e-2f55-4a43-9d0e-8d5f8f0b9a11/projets/5d8c',
      '/invitations/Zm9vYmFyLV9iYXo?next=/espaces',
      '/observatoire?depuis=2024&part=1.5',
      '/apiculture',
    ]) {
      expect([page, answeredByShell(page)]).toEqual([page, true]);
    }
  });

  it('leaves the API, its docs and downloads, the sockets, files and the published guide to the network', () => {
    for (const path of [
      '/api',
      '/api/docs',
      '/api/spaces/1/exports/diagnostic.pdf',
      '/socket.io/?EIO=4',
      '/guide-public/abc',
      '/unsubscribe/abc.def',
      '/sw.js',
      '/favicon.svg?v=2',
    ]) {
      expect([path, answeredByShell(path)]).toEqual([path, false]);
    }
  });

  it('keeps the last answer of API reads, not of downloads or of the API’s docs', () => {
    expect(isKeptApiRead('/api/spaces')).toBe(true);
    expect(isKeptApiRead('/api/auth/me')).toBe(true);
    expect(isKeptApiRead('/api/spaces/1/diagnostic/export')).toBe(false);
    expect(isKeptApiRead('/api/docs/openapi.json')).toBe(false);
    expect(isKeptApiRead('/api/auth/password-reset/c2VjcmV0LXRva2Vu')).toBe(false);
    expect(isKeptApiRead('/socket.io/')).toBe(false);
    expect(isKeptApiRead('/assets/index-abc.js')).toBe(false);
  });
});
