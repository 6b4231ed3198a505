import { ConsentAnswer, type VoteKind, type VoteResults as Results, optionLabelIn } from '@concerto/domain';
import { currentLocale } from '../../i18n/locale';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../ui/format';

interface Bar {
  key: string;
  label: string;
  value: number;
  text: string;
}

/** Results as CSS bars with their numbers: each row reads "label: value" (the bar is decoration). */
export function VoteResults({ title, kind, results, large = false }: { title: string; kind: VoteKind; results: Results; large?: boolean }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const bars: Bar[] =
    kind === 'consent'
      ? ConsentAnswer.keys.map((key) => {
          const value = results.consent?.[key] ?? 0;
          return { key, label: t(`vocab.consentAnswer.${key}`), value, text: formatNumber(value, i18n.language) };
        })
      : [...results.options]
          .map((o) =>
            kind === 'dot'
              ? { key: o.key, label: optionLabelIn(o, currentLocale()), value: o.dots, text: t('votes.dots', { count: o.dots }) }
              : {
                  key: o.key,
                  label: optionLabelIn(o, currentLocale()),
                  value: o.meanScore ?? 0,
                  text: o.meanScore === null ? t('votes.noScore') : t('votes.mean', { value: formatNumber(o.meanScore, i18n.language, 1) }),
                },
          )
          .sort((a, b) => b.value - a.value);
  const top = kind === 'score' ? 5 : Math.max(0, ...bars.map((bar) => bar.value));

  return (
    <figure className={large ? 'vote-results vote-results--large' : 'vote-results'} aria-labelledby={id}>
      <figcaption className="vote-results__title" id={id}>
        {t('votes.results', { title })} — {t('votes.voters', { count: results.voters })}
      </figcaption>
      <dl className="vote-results__list">
        {bars.map((bar) => (
          <div className="vote-results__row" key={bar.key}>
            <dt className="vote-results__label">{bar.label}</dt>
            <dd className="vote-results__value">
              <span className="vote-results__track" aria-hidden="true">
                <span className="vote-results__bar" style={{ width: top > 0 ? `${(bar.value / top) * 100}%` : '0%' }} />
              </span>
              <span className="vote-results__text">{bar.text}</span>
            </dd>
          </div>
        ))}
      </dl>
      {results.objections.length > 0 ? (
        <>
          <p className="vote-results__title">{t('votes.objections')}</p>
          <ul>
            {results.objections.map((o, i) => (
              <li key={i}>{o.reason}</li>
            ))}
          </ul>
        </>
      ) : null}
    </figure>
  );
}
