import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useSpacesEvents } from '../../api/events';
import { useFundingTable, usePanorama } from './observatory-api';
import { queryKeys } from '../../api/query-keys';
import { useSpaces } from '../spaces/spaces-api';
import { ErrorAlert, StatusMessage } from '../../ui/alert';
import { Button } from '../../ui/button';
import { errorMessage } from '../../ui/form-feedback';
import { Loading } from '../../ui/loading';
import { useDocumentTitle } from '../../ui/use-document-title';
import { ExportLinks } from './export-links';
import { FundingTable } from './funding-table';
import { IndicatorsOverTime } from './indicators-over-time';
import { ObservatoryMap } from './observatory-map';
import type { TerritoryFilter } from './observatory-map-api';
import { ObservatoryFiltersForm } from './observatory-filters';
import { EMPTY_FILTERS, toQuery } from './observatory-filters-model';
import { PanoramaFigures } from './panorama-figures';
import { PanoramaLinks } from './panorama-links';
import './observatory.css';

const CATCH_UP = [queryKeys.observatory];

/** Funding and panorama figures computed live from the poles, projects and funding lines of my spaces. */
export function ObservatoryPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('observatory.title'));
  const spaces = useSpaces();
  // Every change in one of my spaces may move a figure: listen to all of them.
  useSpacesEvents(
    (spaces.data ?? []).map((space) => space.id),
    CATCH_UP,
  );
  // A saved sample selection opened from the sample builder (`?selection=`) is the first filter.
  const [params] = useSearchParams();
  const initialSelection = params.get('selection') ?? '';
  const [filters, setFilters] = useState(() => toQuery({ ...EMPTY_FILTERS, selectionId: initialSelection }));
  // A flag, not a sentence: the message follows a change of language.
  const [applied, setApplied] = useState(false);
  // The territory chosen on the map narrows every figure, like the form's filters.
  const [territory, setTerritory] = useState<TerritoryFilter>({});
  const query = useMemo(() => ({ ...filters, ...territory }), [filters, territory]);
  const funding = useFundingTable(query);
  const panorama = usePanorama(query);

  return (
    <div className="page observatory">
      <h1>{t('observatory.title')}</h1>
      <p>{t('observatory.intro')}</p>
      <p>
        {/* A path, not an import: the guide's pages come after the observatory's. */}
        <Link to="/observatoire/guide">{t('observatory.crossPoleGuide')}</Link>
      </p>
      <p>
        {/* A path, not an import: the survey's pages come after the observatory's. */}
        <Link to="/observatoire/enquetes">{t('survey.campaigns.title')}</Link>
      </p>
      <p>
        <Link to="/observatoire/echantillon">{t('sample.observatoryLink')}</Link>
      </p>
      <ObservatoryFiltersForm
        initial={{ selectionId: initialSelection }}
        onApply={(values) => {
          setFilters(toQuery(values));
          setApplied(true);
        }}
        onReset={() => {
          // Every filter back to none: the form's and the territory chosen on the map.
          setFilters(toQuery(EMPTY_FILTERS));
          setTerritory({});
          setApplied(true);
        }}
      />
      <StatusMessage tone="info">{applied ? t('observatory.filters.applied') : null}</StatusMessage>
      <ObservatoryMap filters={query} territory={territory} onTerritory={setTerritory} />
      {funding.isPending || panorama.isPending ? <Loading /> : null}
      {funding.isError ? (
        <ErrorAlert>
          <p>{errorMessage(t, funding.error)}</p>
          <Button variant="secondary" onClick={() => void funding.refetch()}>
            {t('errors.retry')}
          </Button>
        </ErrorAlert>
      ) : null}
      {funding.data ? <FundingTable table={funding.data} /> : null}
      {panorama.isError ? <ErrorAlert>{errorMessage(t, panorama.error)}</ErrorAlert> : null}
      {panorama.data ? (
        <>
          <PanoramaFigures panorama={panorama.data} />
          <PanoramaLinks panorama={panorama.data} />
        </>
      ) : null}
      <IndicatorsOverTime filters={query} />
      <ExportLinks filters={query} />
    </div>
  );
}
