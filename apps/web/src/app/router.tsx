import { createBrowserRouter } from 'react-router';
import { AppLayout } from './app-layout';
import { NotFoundPage } from './not-found-page';
import { RequireAuth } from './require-auth';
import { RouteErrorPage } from './route-error-page';

/** Pages are split into their own chunks; the router loads a page's code before showing it. */
export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    errorElement: <RouteErrorPage />,
    hydrateFallbackElement: null,
    children: [
      {
        path: 'connexion',
        lazy: () => import('../features/auth/sign-in-page').then((m) => ({ Component: m.SignInPage })),
      },
      {
        path: 'inscription',
        lazy: () => import('../features/auth/sign-up-page').then((m) => ({ Component: m.SignUpPage })),
      },
      {
        path: 'invitations/:token',
        lazy: () => import('../features/invitations/invitation-page').then((m) => ({ Component: m.InvitationPage })),
      },
      {
        element: <RequireAuth />,
        children: [
          {
            index: true,
            lazy: () => import('../features/spaces/spaces-page').then((m) => ({ Component: m.SpacesPage })),
          },
          {
            path: 'profil',
            lazy: () => import('../features/auth/profile-page').then((m) => ({ Component: m.ProfilePage })),
          },
          {
            path: 'espaces/:spaceId',
            lazy: () => import('../features/spaces/space-page').then((m) => ({ Component: m.SpacePage })),
            children: [
              {
                index: true,
                lazy: () => import('../features/spaces/pole-profile-tab').then((m) => ({ Component: m.PoleProfileTab })),
              },
              {
                path: 'membres',
                lazy: () => import('../features/spaces/members-tab').then((m) => ({ Component: m.MembersTab })),
              },
              {
                path: 'invitations',
                lazy: () =>
                  import('../features/invitations/invitations-tab').then((m) => ({ Component: m.InvitationsTab })),
              },
            ],
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
