import { ConsentAnswer, type Locale, type VoteKind, type VoteResults, labelOf } from '@concerto/domain';

const ordinal = (n: number, locale: Locale): string => {
  if (locale === 'fr') return n === 1 ? '1re' : `${n}e`;
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${suffix}`;
};

const decimal = (value: number, locale: Locale) =>
  value.toLocaleString(locale === 'fr' ? 'fr-FR' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** « 1 votant·e », « 2 votant·es » (0 and 1 are singular in French, as in the web catalogue), "1 voter", "2 voters". */
export const voterCount = (count: number, locale: Locale): string => {
  const one = new Intl.PluralRules(locale === 'fr' ? 'fr-FR' : 'en-GB').select(count) === 'one';
  return `${count} ${locale === 'fr' ? (one ? 'votant·e' : 'votant·es') : one ? 'voter' : 'voters'}`;
};

/**
 * One recommendation's result in a closed vote, as a sentence: its dots and rank (« 12 gommettes sur 30 (1re sur 4) »),
 * its mean score and rank, or the answers of a consent vote on the whole set (it has no options).
 */
export function voteResultFor(kind: VoteKind, results: VoteResults, optionKey: string, locale: Locale): string | null {
  const fr = locale === 'fr';
  if (kind === 'consent') {
    const consent = results.consent;
    if (!consent) return null;
    const answers = ConsentAnswer.keys.map((k) => `${labelOf(ConsentAnswer, k, locale)}${fr ? ' : ' : ': '}${consent[k]}`).join(', ');
    return `${answers} (${voterCount(results.voters, locale)})`;
  }
  const option = results.options.find((o) => o.key === optionKey);
  if (!option) return null;
  const of = results.options.length;
  if (kind === 'dot') {
    const total = results.options.reduce((sum, o) => sum + o.dots, 0);
    const rank = 1 + results.options.filter((o) => o.dots > option.dots).length;
    return fr
      ? `${option.dots} gommette${option.dots > 1 ? 's' : ''} sur ${total} (${ordinal(rank, locale)} sur ${of})`
      : `${option.dots} dot${option.dots === 1 ? '' : 's'} out of ${total} (${ordinal(rank, locale)} of ${of})`;
  }
  const mean = option.meanScore;
  if (mean === null) return fr ? `aucune note (sur ${of})` : `no score (of ${of})`;
  const rank = 1 + results.options.filter((o) => (o.meanScore ?? -1) > mean).length;
  return fr
    ? `moyenne ${decimal(mean, locale)} / 5, ${option.scores} note${option.scores > 1 ? 's' : ''} (${ordinal(rank, locale)} sur ${of})`
    : `mean ${decimal(mean, locale)} / 5, ${option.scores} score${option.scores === 1 ? '' : 's'} (${ordinal(rank, locale)} of ${of})`;
}
