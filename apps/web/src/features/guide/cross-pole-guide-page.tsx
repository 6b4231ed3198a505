import type { SpaceSummary } from '@concerto/domain';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSpacesEvents } from '../../api/events';
import { queryKeys } from '../../api/query-keys';
import { ErrorAlert, Notice, StatusMessage } from '../../ui/alert';
import { Button } from '../../ui/button';
import { CheckboxGroup } from '../../ui/choice-group';
import { DownloadLinks } from '../../ui/document-tools';
import { errorMessage } from '../../ui/form-feedback';
import { Loading } from '../../ui/loading';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useSpaces } from '../spaces/spaces-api';
import { crossPoleGuideExportUrl, useCrossPoleGuide } from './cross-pole-guide-api';
import { useCrossPoleGuideNotices } from './cross-pole-guide-notices';
import { GuideViewDocument } from './guide-view-document';
import './guide.css';
import './guide-document.css';

const CATCH_UP = [queryKeys.observatory];
const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** My spaces in French order of their poles, then of their titles (the guide's own order). */
const inGuideOrder = (spaces: readonly SpaceSummary[]) =>
  [...spaces].sort((a, b) => collator.compare(a.pole.name, b.pole.name) || collator.compare(a.title, b.title));

/**
 * The cross-pole guide (`/observatoire/guide`): like the national study, a guide d'appui assembled from the validated
 * testimonies and retained recommendations of the spaces I follow, with their poles and figures; the spaces are
 * chosen with checkboxes (all at first), the guide read below (kept up to date by the spaces' change notices) and
 * downloaded as Word or PDF.
 */
export function CrossPoleGuidePage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('guide.crossPole.title'));
  const spaces = useSpaces();
  const ordered = useMemo(() => inGuideOrder(spaces.data ?? []), [spaces.data]);
  // What was unticked: every space followed is in the guide until the reader leaves it out.
  const [left, setLeft] = useState<string[]>([]);
  const [changed, setChanged] = useState(false);
  const chosen = ordered.filter((s) => !left.includes(s.id)).map((s) => s.id);
  useSpacesEvents(chosen, CATCH_UP);
  useCrossPoleGuideNotices(chosen);
  const guide = useCrossPoleGuide(chosen, i18n.language);
  const ready = guide.data !== undefined && !guide.isFetching;

  return (
    <div className="page cross-pole-guide">
      <p className="guide-back">
        <Link to="/observatoire">{t('guide.crossPole.back')}</Link>
      </p>
      <h1>{t('guide.crossPole.title')}</h1>
      <p>{t('guide.crossPole.intro')}</p>
      {spaces.isPending ? <Loading /> : null}
      {spaces.isError ? <ErrorAlert>{errorMessage(t, spaces.error)}</ErrorAlert> : null}
      {spaces.data && ordered.length === 0 ? <Notice>{t('guide.crossPole.noSpaces')}</Notice> : null}
      {ordered.length > 0 ? (
        <CheckboxGroup
          legend={t('guide.crossPole.spaces')}
          hint={t('guide.crossPole.spacesHint')}
          name="spaces"
          options={ordered.map((s) => ({ value: s.id, label: t('guide.crossPole.spaceOption', { space: s.title, pole: s.pole.name }) }))}
          value={chosen}
          onChange={(ids) => {
            setLeft(ordered.map((s) => s.id).filter((id) => !ids.includes(id)));
            setChanged(true);
          }}
          error={chosen.length === 0 ? t('guide.crossPole.chooseOne') : undefined}
        />
      ) : null}
      {chosen.length > 0 ? (
        <DownloadLinks
          label={t('guide.crossPole.download')}
          links={[
            { href: crossPoleGuideExportUrl('docx', chosen), text: t('guide.crossPole.docx') },
            { href: crossPoleGuideExportUrl('pdf', chosen), text: t('guide.crossPole.pdf') },
          ]}
        />
      ) : null}
      <StatusMessage tone="info">{changed && ready && chosen.length > 0 ? t('guide.crossPole.assembled', { count: chosen.length }) : null}</StatusMessage>
      {chosen.length > 0 && guide.isPending ? <Loading /> : null}
      {guide.isError ? (
        <ErrorAlert>
          <p>{errorMessage(t, guide.error)}</p>
          <Button variant="secondary" onClick={() => void guide.refetch()}>
            {t('errors.retry')}
          </Button>
        </ErrorAlert>
      ) : null}
      {chosen.length > 0 && guide.data ? (
        <div aria-busy={guide.isFetching}>
          <GuideViewDocument view={guide.data} level={2} />
        </div>
      ) : null}
    </div>
  );
}
