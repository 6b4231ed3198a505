import { join } from 'node:path';
import { findProjectRoot } from '@concerto/server/testing';
import { FIRST_PAGE_BUDGET, weighPages, weightsTable } from '../support/page-weight.js';

/**
 * The first page (sign-in) on a rural connection: its JavaScript, gzip-compressed, stays under the budget; the
 * editor, socket.io and the English strings stay out of it. Sizes of the build `npm test` has just made, not times.
 */
describe('first page budget', () => {
  const weights = weighPages(join(findProjectRoot(), 'apps/web/dist'));
  const page = (name: string) => weights.pages.find((p) => p.name.startsWith(name))!;

  it(`the sign-in page loads less than ${FIRST_PAGE_BUDGET / 1000} kB of gzip JavaScript`, () => {
    process.stdout.write(`${weightsTable(weights)}\n`);
    expect(page('sign-in').totalBytes).toBeLessThan(FIRST_PAGE_BUDGET);
  });

  it('keeps the editor, socket.io and the English strings out of the first page; the spaces list loads no editor', () => {
    const firstPage = page('sign-in').files.join(' ');
    for (const heavy of ['editor-', 'socket-', 'lib0-', 'ui-strings-en-']) expect([heavy, firstPage.includes(`assets/${heavy}`)]).toEqual([heavy, false]);
    const spacesList = page('spaces list').files.join(' ');
    expect(spacesList).toContain('assets/socket-');
    expect(spacesList).not.toContain('assets/editor-');
    expect(page('space: diagnostic').files.join(' ')).toContain('assets/editor-');
  });
});
