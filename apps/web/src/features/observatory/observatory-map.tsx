import {
  CollectiviteLevel,
  DEPARTEMENTS,
  type DepartementCode,
  type MapMesh,
  type ObservatoryMapView,
  type RegionCode,
  departementName,
  regionName,
  regionOfDepartement,
} from '@concerto/domain';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button';
import { Chart } from '../../ui/chart/chart';
import { RadioGroup } from '../../ui/choice-group';
import { DataTable } from '../../ui/data-table';
import { SelectField } from '../../ui/field';
import { errorMessage } from '../../ui/form-feedback';
import { formatEuros, formatKiloEuros, formatNumber } from '../../ui/format';
import { ErrorAlert } from '../../ui/alert';
import { Loading } from '../../ui/loading';
import { vocabularyOptions } from '../../ui/vocabulary-options';
import type { ObservatoryFilters } from './observatory-api';
import { type TerritoryFilter, type TerritoryShape, useFranceShapes, useObservatoryMap } from './observatory-map-api';
import { type MapMetric, mapOption, metricValue } from './map-option';

const isDepartement = (code: string): code is DepartementCode => DEPARTEMENTS.some((d) => d.code === code);

type Row = ObservatoryMapView['territories'][number] | (ObservatoryMapView['unlocated'] & { code: null });

/**
 * The map of France: régions (or départements, by choice or once a région is chosen) shaded by the money mobilised,
 * the number of poles or the presence of a collectivité level, over the same scope and filters as every other figure;
 * the poles placed at their territory's centre (when the answer lists them: a territory chosen, or few poles); a click
 * on a territory (or its row's button) filters the tables.
 */
export function ObservatoryMap({
  filters,
  territory,
  onTerritory,
}: {
  filters: ObservatoryFilters;
  territory: TerritoryFilter;
  onTerritory: (territory: TerritoryFilter) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [chosenMesh, setChosenMesh] = useState<MapMesh>('region');
  const [metric, setMetric] = useState<MapMetric>('money');
  const [level, setLevel] = useState<string>('region');
  const zoomedRegion: RegionCode | undefined = territory.region ?? (territory.departement ? regionOfDepartement(territory.departement) : undefined);
  const mesh: MapMesh = zoomedRegion ? 'departement' : chosenMesh;
  const map = useObservatoryMap(filters, mesh);
  const shapes = useFranceShapes(mesh);

  const shown = useMemo<TerritoryShape[]>(
    () => (shapes.data?.features ?? []).filter((shape) => !zoomedRegion || shape.properties.region === zoomedRegion),
    [shapes.data, zoomedRegion],
  );
  const mapName = `france-${mesh}${zoomedRegion ? `-${zoomedRegion}` : ''}`;
  const nameOf = (code: string) => (mesh === 'region' ? regionName(code) : departementName(code));
  const metricLabel = { money: t('observatoryMap.metricMoney'), poles: t('observatoryMap.metricPoles'), presence: t('observatoryMap.metricPresence') }[metric];
  const meshWord = mesh === 'region' ? t('observatoryMap.meshRegionWord') : t('observatoryMap.meshDepartementWord');
  const levelLabel = t(`vocab.${CollectiviteLevel.name}.${level}`);
  const format = (value: number) => (metric === 'money' ? formatKiloEuros(Math.round(value * 100), language) : formatNumber(value, language));

  const view = map.data;
  const option = useMemo(
    () => (view && shown.length > 0 ? mapOption({ mapName, view, shapes: shown, metric, level, nameOf, format, poleLabel: t('observatoryMap.pole') }) : null),
    // nameOf and format follow mesh, metric and language.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [view, shown, mapName, metric, level, language],
  );

  const choose = (code: string) => {
    if (mesh === 'region') onTerritory({ region: code as RegionCode });
    else if (isDepartement(code)) onTerritory({ region: regionOfDepartement(code), departement: code });
  };

  const selectionName = territory.departement ? departementName(territory.departement) : territory.region ? regionName(territory.region) : null;
  const rows: Row[] = view ? [...view.territories, ...(view.unlocated.poles > 0 ? [{ ...view.unlocated, code: null }] : [])] : [];

  return (
    <section className="card observatory-map" aria-labelledby="observatory-map-title">
      <h2 id="observatory-map-title">{t('observatoryMap.title')}</h2>
      {selectionName ? (
        <div className="observatory-map__selection">
          <p>{t('observatoryMap.filteredOn', { name: selectionName })}</p>
          {territory.departement && zoomedRegion ? (
            <Button variant="secondary" onClick={() => onTerritory({ region: zoomedRegion })}>
              {t('observatoryMap.backToRegion', { name: regionName(zoomedRegion) })}
            </Button>
          ) : null}
          <Button variant="secondary" onClick={() => onTerritory({})}>
            {t('observatoryMap.allFrance')}
          </Button>
        </div>
      ) : (
        <p className="observatory-map__hint">{t('observatoryMap.hint')}</p>
      )}
      <div className="form__row observatory-map__controls">
        {zoomedRegion ? null : (
          <RadioGroup
            legend={t('observatoryMap.mesh')}
            name="map-mesh"
            options={[
              { value: 'region', label: t('observatoryMap.meshRegion') },
              { value: 'departement', label: t('observatoryMap.meshDepartement') },
            ]}
            value={chosenMesh}
            onChange={(value) => setChosenMesh(value as MapMesh)}
          />
        )}
        <RadioGroup
          legend={t('observatoryMap.metric')}
          name="map-metric"
          options={[
            { value: 'money', label: t('observatoryMap.metricMoney') },
            { value: 'poles', label: t('observatoryMap.metricPoles') },
            { value: 'presence', label: t('observatoryMap.metricPresence') },
          ]}
          value={metric}
          onChange={(value) => setMetric(value as MapMetric)}
        />
        <SelectField
          label={t('observatoryMap.level')}
          options={vocabularyOptions(t, CollectiviteLevel)}
          value={level}
          onChange={(e) => setLevel(e.target.value)}
        />
      </div>
      {view?.polesListed === false ? <p className="observatory-map__hint">{t('observatoryMap.polesNotPlaced')}</p> : null}
      {map.isError ? <ErrorAlert>{errorMessage(t, map.error)}</ErrorAlert> : null}
      {shapes.isError ? <ErrorAlert>{errorMessage(t, shapes.error)}</ErrorAlert> : null}
      {!option ? (
        map.isError || shapes.isError ? null : (
          <Loading />
        )
      ) : (
        <Chart
          className="observatory-map__chart"
          title={t('observatoryMap.chartTitle', { metric: metric === 'presence' ? `${metricLabel} (${levelLabel})` : metricLabel, mesh: meshWord })}
          summary={t(view?.polesListed === false ? 'observatoryMap.summaryUnplaced' : 'observatoryMap.summary', {
            metric: metricLabel,
            mesh: meshWord,
            count: view?.territories.length ?? 0,
          })}
          option={option}
          height={480}
          prepare={(echarts) => {
            if (!echarts.getMap(mapName)) echarts.registerMap(mapName, { type: 'FeatureCollection', features: shown } as never);
          }}
          onReady={(chart) => {
            chart.off('click');
            chart.on('click', (params) => {
              if (params.seriesType !== 'scatter' && typeof params.name === 'string' && params.name) choose(params.name);
            });
          }}
          tableLabel={t('observatoryMap.tableLabel')}
          table={
            rows.length === 0 ? (
              <p>{t('observatoryMap.nothing')}</p>
            ) : (
              <DataTable
                caption={t('observatoryMap.tableCaption', { mesh: meshWord })}
                rows={rows}
                rowKey={(row) => row.code ?? 'unlocated'}
                columns={[
                  {
                    key: 'territory',
                    header: t('observatoryMap.territory'),
                    rowHeader: true,
                    cell: (row) => (row.code === null ? t('observatoryMap.unlocated') : nameOf(row.code)),
                  },
                  { key: 'poles', header: t('observatoryMap.poles'), numeric: true, cell: (row) => formatNumber(row.poles, language) },
                  { key: 'money', header: t('observatoryMap.money'), numeric: true, cell: (row) => formatEuros(row.mobilisedCents, language) },
                  {
                    key: 'presence',
                    header: t('observatoryMap.presence', { level: levelLabel }),
                    numeric: true,
                    cell: (row) => formatNumber(metricValue(row, 'presence', level), language),
                  },
                  {
                    key: 'filter',
                    header: <span className="sr-only">{t('observatoryMap.filterColumn')}</span>,
                    cell: ({ code }) =>
                      code === null ? null : (
                        <Button variant="secondary" onClick={() => choose(code)}>
                          {t('observatoryMap.filterOn', { name: nameOf(code) })}
                        </Button>
                      ),
                  },
                ]}
              />
            )
          }
        />
      )}
      <p className="observatory-map__source">{t('observatoryMap.source')}</p>
    </section>
  );
}
