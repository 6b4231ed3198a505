import './app/i18n-setup';
import './ui/theme.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { createQueryClient } from './api/query-client';
import { AppProviders } from './app/providers';
import { registerOfflineShell } from './app/offline-shell';
import { createRouter } from './app/router';

const container = document.getElementById('root');
if (!container) throw new Error('Missing #root element');

registerOfflineShell();
const queryClient = createQueryClient();
const router = createRouter(queryClient);

createRoot(container).render(
  <StrictMode>
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>,
);
