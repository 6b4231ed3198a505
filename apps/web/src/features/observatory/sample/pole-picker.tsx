import type { SamplePole } from '@concerto/domain';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../ui/button';
import { TextField } from '../../../ui/field';
import { usePoleSearch } from './sample-api';

/** Search the poles of my spaces and add them to the selection; the poles picked, each with a button to remove it. */
export function PolePicker({ picked, onAdd, onRemove }: { picked: SamplePole[]; onAdd: (pole: SamplePole) => void; onRemove: (pole: SamplePole) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search.trim());
  const found = usePoleSearch(deferred);
  const pickedIds = new Set(picked.map((p) => p.id));
  const poles = found.data?.poles ?? [];
  const total = found.data?.total ?? 0;

  return (
    <section className="card sample-picker" aria-labelledby="sample-picker-title">
      <h2 id="sample-picker-title">{t('sample.picker.title')}</h2>
      <TextField
        label={t('sample.picker.search')}
        hint={t('sample.picker.searchHint')}
        type="search"
        name="pole-search"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      <p role="status" className="sample-picker__count">
        {found.data
          ? total === 0
            ? t('sample.picker.none')
            : total > poles.length
              ? t('sample.picker.moreResults', { shown: poles.length, count: total })
              : t('sample.picker.results', { count: total })
          : null}
      </p>
      <ul className="sample-list" aria-label={t('sample.picker.found')}>
        {poles.map((pole) => (
          <li key={pole.id} className="sample-list__item">
            <span>
              <strong>{pole.name}</strong>
              {pole.territory ? <span className="sample-list__territory"> — {pole.territory}</span> : null}
            </span>
            {pickedIds.has(pole.id) ? (
              <span className="sample-list__note">{t('sample.picker.added')}</span>
            ) : (
              <Button variant="secondary" aria-label={t('sample.picker.addPole', { name: pole.name })} onClick={() => onAdd(pole)}>
                {t('sample.picker.add')}
              </Button>
            )}
          </li>
        ))}
      </ul>
      <h3>{t('sample.picker.picked', { count: picked.length })}</h3>
      {picked.length === 0 ? <p>{t('sample.picker.empty')}</p> : null}
      <ul className="sample-list" aria-label={t('sample.picker.picked', { count: picked.length })}>
        {picked.map((pole) => (
          <li key={pole.id} className="sample-list__item">
            <span>
              <strong>{pole.name}</strong>
              {pole.territory ? <span className="sample-list__territory"> — {pole.territory}</span> : null}
            </span>
            <Button variant="secondary" aria-label={t('sample.picker.removePole', { name: pole.name })} onClick={() => onRemove(pole)}>
              {t('sample.picker.remove')}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
