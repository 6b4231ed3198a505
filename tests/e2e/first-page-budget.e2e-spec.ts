import { join } from 'node:path';
import { findProjectRoot } from '@concerto/server/testing';
import { FIRST_PAGE_BUDGET, weighPages, weightsTable } from '../support/page-weight.js';

/**
 * The first pages on a rural connection (sign-in, then the spaces list): their JavaScript, gzip-compressed, stays
 * under the budget; the editor, socket.io, the other areas' strings and the English ones stay out of the first page.
 * Sizes of the build `npm test` has just made, not times.
 */
describe('first page budget', () => {
  const weights = weighPages(join(findProjectRoot(), 'apps/web/dist'));
  const page = (name: string) => weights.pages.find((p) => p.name.startsWith(name))!;

  it(`the sign-in page, then the spaces list, load less than ${FIRST_PAGE_BUDGET / 1000} kB of gzip JavaScript each`, () => {
    process.stdout.write(`${weightsTable(weights)}\n`);
    expect(page('sign-in').totalBytes).toBeLessThan(FIRST_PAGE_BUDGET);
    expect(page('spaces list').totalBytes).toBeLessThan(FIRST_PAGE_BUDGET);
  });

  it('keeps the editor, socket.io and the other strings out of the first page; the spaces list loads no editor', () => {
    const firstPage = page('sign-in').files.join(' ');
    for (const heavy of ['editor-', 'socket-', 'lib0-', 'ui-strings-en-', 'ui-strings-areas-'])
      expect([heavy, firstPage.includes(`assets/${heavy}`)]).toEqual([heavy, false]);
    const spacesList = page('spaces list').files.join(' ');
    expect(spacesList).toContain('assets/socket-');
    expect(spacesList).not.toContain('assets/editor-');
    expect(spacesList).not.toContain('assets/ui-strings-areas-');
    expect(page('space: diagnostic').files.join(' ')).toContain('assets/editor-');
  });
});
