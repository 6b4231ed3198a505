import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter } from 'react-router';
import { AppLayout } from './app-layout';
import { NotFoundPage } from './not-found-page';
import { RequireAuth } from './require-auth';
import { RouteErrorPage } from './route-error-page';
import { WallLayout } from './wall-layout';
import { loadAreaStrings } from './i18n-setup';
import { projectLoader, spaceLoader, spacesLoader } from './route-data';

/** A page's code with the French strings of the areas past the spaces list (not in the first page). */
const withAreaStrings = <T,>(page: Promise<T>): Promise<T> => Promise.all([page, loadAreaStrings()]).then(([loaded]) => loaded);

/**
 * Pages are split into their own chunks; the router loads a page's code (and warms its data)
 * before showing it.
 */
export const createRouter = (queryClient: QueryClient) =>
  createBrowserRouter([
    {
      // A participant joins a live session by its code, without an account: phone-first, no header, no sign-in.
      path: 'rejoindre/:code',
      errorElement: <RouteErrorPage />,
      hydrateFallbackElement: null,
      lazy: () => withAreaStrings(import('../features/session-join/join-page').then((m) => ({ Component: m.JoinPage }))),
    },
    {
      // The room's screen: full screen, without the application's header, navigation or footer.
      element: <WallLayout />,
      errorElement: <RouteErrorPage />,
      hydrateFallbackElement: null,
      children: [
        {
          element: <RequireAuth />,
          children: [
            {
              path: 'seances/:sessionId/projection',
              lazy: () => withAreaStrings(import('../features/sessions/sessions-routes').then((m) => ({ Component: m.ProjectionPage }))),
            },
          ],
        },
      ],
    },
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
          path: 'mot-de-passe-oublie',
          lazy: () => import('../features/auth/forgot-password-page').then((m) => ({ Component: m.ForgotPasswordPage })),
        },
        {
          path: 'nouveau-mot-de-passe/:token',
          lazy: () => import('../features/auth/new-password-page').then((m) => ({ Component: m.NewPasswordPage })),
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
              loader: spacesLoader(queryClient),
              lazy: () => import('../features/spaces/spaces-page').then((m) => ({ Component: m.SpacesPage })),
            },
            {
              path: 'profil',
              lazy: () => import('../features/auth/profile-page').then((m) => ({ Component: m.ProfilePage })),
            },
            {
              path: 'notifications',
              lazy: () => withAreaStrings(import('../features/notifications/notifications-page').then((m) => ({ Component: m.NotificationsPage }))),
            },
            {
              path: 'profil/notifications',
              lazy: () =>
                withAreaStrings(import('../features/notifications/notification-preferences-page').then((m) => ({ Component: m.NotificationPreferencesPage }))),
            },
            {
              path: 'espaces/:spaceId',
              loader: spaceLoader(queryClient),
              // Its children render once this resolves: the strings cover every tab.
              lazy: () => withAreaStrings(import('./space-routes').then((m) => ({ Component: m.SpacePage }))),
              children: [
                {
                  index: true,
                  lazy: () => import('./space-routes').then((m) => ({ Component: m.PoleProfileTab })),
                },
                {
                  path: 'diagnostic',
                  lazy: () => import('../features/diagnostic/diagnostic-routes').then((m) => ({ Component: m.DiagnosticTab })),
                },
                {
                  path: 'membres',
                  lazy: () => import('./space-routes').then((m) => ({ Component: m.MembersTab })),
                },
                {
                  path: 'invitations',
                  lazy: () => import('./space-routes').then((m) => ({ Component: m.InvitationsTab })),
                },
                {
                  path: 'projets',
                  lazy: () => import('../features/projects/projects-routes').then((m) => ({ Component: m.ProjectsTab })),
                },
                {
                  path: 'seances',
                  lazy: () => import('../features/sessions/sessions-routes').then((m) => ({ Component: m.SessionsTab })),
                },
                {
                  path: 'guide',
                  lazy: () => import('../features/guide/guide-routes').then((m) => ({ Component: m.GuideTab })),
                },
                {
                  // Its own chunk: the page holds the editor (Tiptap, Yjs), which the guide's other pages load later.
                  path: 'guide/document',
                  lazy: () => import('../features/guide/guide-document-routes').then((m) => ({ Component: m.GuideDocumentPage })),
                },
                {
                  path: 'guide/temoignages',
                  lazy: () => import('../features/guide/guide-routes').then((m) => ({ Component: m.TestimoniesPage })),
                },
                {
                  path: 'guide/temoignages/:testimonyId',
                  lazy: () => import('../features/guide/guide-routes').then((m) => ({ Component: m.TestimonyPage })),
                },
                {
                  path: 'guide/preconisations',
                  lazy: () => import('../features/guide/guide-routes').then((m) => ({ Component: m.RecommendationsPage })),
                },
                {
                  path: 'guide/preconisations/:recommendationId',
                  lazy: () => import('../features/guide/guide-routes').then((m) => ({ Component: m.RecommendationPage })),
                },
                {
                  path: 'guide/analyses',
                  lazy: () => import('../features/guide/guide-routes').then((m) => ({ Component: m.AnalysesPage })),
                },
                {
                  path: 'guide/analyses/:analysisId',
                  lazy: () => import('../features/guide/guide-routes').then((m) => ({ Component: m.AnalysisPage })),
                },
                {
                  path: 'enquete/:campaignId',
                  lazy: () => import('../features/survey/survey-form-page').then((m) => ({ Component: m.SurveyFormPage })),
                },
                {
                  path: 'projets/:projectId',
                  loader: projectLoader(queryClient),
                  lazy: () => import('../features/projects/projects-routes').then((m) => ({ Component: m.ProjectPage })),
                },
              ],
            },
            {
              path: 'seances/:sessionId',
              lazy: () => withAreaStrings(import('../features/sessions/sessions-routes').then((m) => ({ Component: m.SessionPage }))),
            },
            {
              path: 'seances/:sessionId/compte-rendu',
              lazy: () => withAreaStrings(import('../features/sessions/sessions-routes').then((m) => ({ Component: m.MinutesPage }))),
            },
            {
              path: 'observatoire',
              loader: spacesLoader(queryClient),
              lazy: () => withAreaStrings(import('../features/observatory/observatory-page').then((m) => ({ Component: m.ObservatoryPage }))),
            },
            {
              path: 'observatoire/echantillon',
              loader: spacesLoader(queryClient),
              lazy: () => withAreaStrings(import('../features/observatory/sample/sample-page').then((m) => ({ Component: m.SamplePage }))),
            },
            {
              path: 'observatoire/guide',
              loader: spacesLoader(queryClient),
              lazy: () => withAreaStrings(import('../features/guide/cross-pole-guide-page').then((m) => ({ Component: m.CrossPoleGuidePage }))),
            },
            {
              path: 'observatoire/enquetes',
              loader: spacesLoader(queryClient),
              lazy: () => withAreaStrings(import('../features/survey/survey-campaigns-page').then((m) => ({ Component: m.SurveyCampaignsPage }))),
            },
            {
              path: 'observatoire/enquetes/:campaignId',
              loader: spacesLoader(queryClient),
              lazy: () => withAreaStrings(import('../features/survey/survey-campaign-page').then((m) => ({ Component: m.SurveyCampaignPage }))),
            },
          ],
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
