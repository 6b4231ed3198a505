import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import type { AccessRemovedState } from '../../api/events';
import { StatusMessage } from '../../ui/alert';
import { useDocumentTitle } from '../../ui/use-document-title';
import { CreateSpaceForm } from './create-space-form';
import { SpaceList } from './space-list';
import './spaces.css';

function isAccessRemoved(state: unknown): state is AccessRemovedState {
  return typeof state === 'object' && state !== null && (state as Partial<AccessRemovedState>).accessRemoved === true;
}

export function SpacesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('spaces.title'));
  const location = useLocation();
  const navigate = useNavigate();
  const [notice, setNotice] = useState<string | null>(null);
  const accessRemoved = isAccessRemoved(location.state);

  // Announce once, in a live region already on the page, then drop the state so a reload does not repeat it.
  useEffect(() => {
    if (!accessRemoved) return;
    setNotice(t('spaces.accessRemoved'));
    void navigate({ pathname: location.pathname, search: location.search }, { replace: true, state: null });
  }, [accessRemoved, navigate, t, location.pathname, location.search]);

  return (
    <div className="page">
      <h1>{t('spaces.title')}</h1>
      <StatusMessage tone="info">{notice}</StatusMessage>
      <SpaceList />
      <CreateSpaceForm />
    </div>
  );
}
