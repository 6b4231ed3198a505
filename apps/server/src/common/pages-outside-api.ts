import { RequestMethod } from '@nestjs/common';

/**
 * Routes served outside the `/api` prefix: pages a browser opens directly, signed out (the published guide). The
 * application excludes them from the global prefix, the route listing (OpenAPI, authorisation matrix) shows them
 * where they are, and the web app's fallback leaves their paths alone.
 */
export const PAGES_OUTSIDE_API = [
  { path: 'guide-public/:token', method: RequestMethod.GET },
  { path: 'unsubscribe/:token', method: RequestMethod.GET },
  { path: 'unsubscribe/:token', method: RequestMethod.POST },
];

/** Path prefixes of those pages (what the single-page app must not answer). */
export const PAGE_PREFIXES_OUTSIDE_API = ['/guide-public/', '/unsubscribe/'];
