import { SAMPLE_GRID, type SampleCoverageView, type SamplePole } from '@concerto/domain';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../ui/button';

const vocabularyOf = new Map(SAMPLE_GRID.map((g) => [g.field, g.vocabulary]));

/** Poles of my spaces that would fill the set's gaps, each with the values it adds and a button to accept it. */
export function Suggestions({ coverage, onAccept }: { coverage: SampleCoverageView; onAccept: (pole: SamplePole) => void }) {
  const { t } = useTranslation();
  return (
    <section className="card sample-suggestions" aria-labelledby="sample-suggestions-title">
      <h2 id="sample-suggestions-title">{t('sample.suggestions.title')}</h2>
      <p>{t('sample.suggestions.intro')}</p>
      {coverage.suggestions.length === 0 ? <p>{t('sample.suggestions.none')}</p> : null}
      <ol className="sample-list">
        {coverage.suggestions.map(({ pole, fills }) => (
          <li key={pole.id} className="sample-list__item">
            <span>
              <strong>{pole.name}</strong>
              {pole.territory ? <span className="sample-list__territory"> — {pole.territory}</span> : null}
              <br />
              <span className="sample-list__fills">
                {t('sample.suggestions.fills', {
                  values: fills.map((c) => `${t(`vocab.${vocabularyOf.get(c.field)}.${c.value}`)} (${t(`vocab.sampleField.${c.field}`)})`).join(', '),
                })}
              </span>
            </span>
            <Button variant="secondary" aria-label={t('sample.suggestions.acceptPole', { name: pole.name })} onClick={() => onAccept(pole)}>
              {t('sample.suggestions.accept')}
            </Button>
          </li>
        ))}
      </ol>
    </section>
  );
}
