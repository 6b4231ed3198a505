import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { meQuery } from '../api/account';
import { projectQuery } from '../features/projects/projects-api';
import { spaceListQuery, spaceQuery } from '../features/spaces/spaces-api';

/*
 * Route loaders that warm the query cache, so that a page appears with its data rather than
 * with a "Chargement…" flash. They never fail: the page itself shows errors and redirects.
 */

async function isSignedIn(queryClient: QueryClient): Promise<boolean> {
  const me = await queryClient.ensureQueryData(meQuery).catch(() => null);
  return me !== null;
}

export function spacesLoader(queryClient: QueryClient) {
  return async () => {
    if (await isSignedIn(queryClient)) await queryClient.prefetchQuery(spaceListQuery);
    return null;
  };
}

export function spaceLoader(queryClient: QueryClient) {
  return async ({ params }: LoaderFunctionArgs) => {
    if (params.spaceId && (await isSignedIn(queryClient))) await queryClient.prefetchQuery(spaceQuery(params.spaceId));
    return null;
  };
}

export function projectLoader(queryClient: QueryClient) {
  return async ({ params }: LoaderFunctionArgs) => {
    if (params.spaceId && params.projectId && (await isSignedIn(queryClient))) {
      await queryClient.prefetchQuery(projectQuery(params.spaceId, params.projectId));
    }
    return null;
  };
}
