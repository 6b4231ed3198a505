import { join } from 'node:path';
import { findProjectRoot } from '@concerto/server/testing';
import { FIRST_PAGE_BUDGET, weighPages, weightsTable } from '../support/page-weight.js';
import { writeResults } from './performance-doc.js';

/** The JavaScript each page loads, from the build `npm run bench` has just made (sizes, gzip level 9). */
describe('page weights', () => {
  it('weighs each page', () => {
    const weights = weighPages(join(findProjectRoot(), 'apps/web/dist'));
    const firstPage = weights.pages[0];
    const date = new Date().toISOString().slice(0, 10);
    writeResults(
      'pages',
      `Measured ${date} on the production build; first page (sign-in) ${(firstPage.totalBytes / 1000).toFixed(1)} kB of a ${FIRST_PAGE_BUDGET / 1000} kB budget.\n\n${weightsTable(weights)}`,
    );
    expect(firstPage.totalBytes).toBeLessThan(FIRST_PAGE_BUDGET);
  });
});
