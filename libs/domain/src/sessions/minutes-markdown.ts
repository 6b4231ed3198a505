import type { MinutesView, VoteResults } from '../contracts/sessions.js';
import { escapeMarkdown } from '../contracts/text.js';
import { ConsentAnswer, SessionMode, VoteKind } from '../vocabulary/session.js';
import { Lever } from '../vocabulary/levers.js';
import { type Locale, labelOf } from '../vocabulary/vocabulary.js';
import { DEFAULT_TIME_ZONE, sessionTimesLines } from './minutes-dates.js';
import { optionLabelIn } from './option-label.js';

const WORDS = {
  fr: {
    colon: ' : ',
    minutes: 'Compte-rendu',
    place: 'Lieu',
    mode: 'Modalité',
    attendance: 'Participants',
    present: 'présent·e',
    absent: 'excusé·e ou absent·e',
    guest: 'invité·e externe',
    participant: 'participant·e sans compte',
    agenda: 'Ordre du jour',
    planned: 'prévu',
    actual: 'réel',
    min: 'min',
    notes: 'Contributions',
    unclustered: 'Contributions non regroupées',
    votes: 'Votes',
    decisions: 'Décisions',
    voter: 'votant·e',
    voters: 'votant·es',
    dot: 'gommette',
    dots: 'gommettes',
    mean: 'moyenne',
    objection: 'Objection',
    none: 'Aucune',
    project: 'devenue projet partagé',
    lever: 'Levier',
  },
  en: {
    colon: ': ',
    minutes: 'Minutes',
    place: 'Place',
    mode: 'Mode',
    attendance: 'Participants',
    present: 'present',
    absent: 'absent',
    guest: 'external guest',
    participant: 'participant without an account',
    agenda: 'Agenda',
    planned: 'planned',
    actual: 'actual',
    min: 'min',
    notes: 'Contributions',
    unclustered: 'Ungrouped contributions',
    votes: 'Votes',
    decisions: 'Decisions',
    voter: 'voter',
    voters: 'voters',
    dot: 'dot',
    dots: 'dots',
    mean: 'mean',
    objection: 'Objection',
    none: 'None',
    project: 'turned into a shared project',
    lever: 'Lever',
  },
} as const;

/**
 * How the minutes mark someone who is not a member of the space: « (participant·e sans compte) » for who joined by code,
 * « (invité·e externe) » for a guest of this session only; nothing for a member (or when it is not known).
 */
export function personKindMark(kind: MinutesView['attendance'][number]['kind'] | undefined, locale: Locale): string {
  if (kind === 'participant') return ` (${WORDS[locale].participant})`;
  if (kind === 'guest') return ` (${WORDS[locale].guest})`;
  return '';
}

/** One line per result; `escape` is applied to user text (Markdown escaping by default, identity for plain documents). */
export function voteResultLines(
  kind: MinutesView['votes'][number]['kind'],
  results: VoteResults,
  locale: Locale,
  escape: (text: string) => string = escapeMarkdown,
): string[] {
  const w = WORDS[locale];
  const lines = [counted(results.voters, w.voter, w.voters, locale)];
  if (kind === 'consent' && results.consent) {
    lines.push(...ConsentAnswer.keys.map((k) => `${labelOf(ConsentAnswer, k, locale)}${w.colon}${results.consent![k]}`));
    lines.push(...results.objections.map((o) => `${w.objection}${w.colon}${escape(o.reason)}`));
  } else {
    const sorted = [...results.options].sort((a, b) => (kind === 'dot' ? b.dots - a.dots : (b.meanScore ?? -1) - (a.meanScore ?? -1)));
    lines.push(
      ...sorted.map((o) =>
        kind === 'dot'
          ? `${escape(optionLabelIn(o, locale))}${w.colon}${counted(o.dots, w.dot, w.dots, locale)}`
          : `${escape(optionLabelIn(o, locale))}${w.colon}${w.mean} ${o.meanScore === null ? '—' : formatMean(o.meanScore, locale)} / 5 (${o.scores})`,
      ),
    );
  }
  return lines;
}

/** A mean score with one decimal, written the reader's way (« 4,5 » in French). */
const formatMean = (mean: number, locale: Locale) =>
  new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(mean);

/** « 1 gommette », « 2 gommettes » (French: 0 and 1 are singular), "1 dot", "2 dots". */
const counted = (count: number, one: string, other: string, locale: Locale) =>
  `${count} ${new Intl.PluralRules(locale === 'fr' ? 'fr-FR' : 'en-GB').select(count) === 'one' ? one : other}`;

/** The minutes as Markdown, in the reader's language and time zone. */
export function minutesMarkdown(m: MinutesView, locale: Locale = 'fr', timeZone: string = DEFAULT_TIME_ZONE): string {
  const w = WORDS[locale];
  const out: string[] = [`# ${w.minutes} — ${escapeMarkdown(m.title)}`, ''];
  for (const line of sessionTimesLines(m, locale, timeZone)) out.push(`- ${line}`);
  if (m.place) out.push(`- **${w.place}**${w.colon}${escapeMarkdown(m.place)}`);
  out.push(`- **${w.mode}**${w.colon}${labelOf(SessionMode, m.mode, locale)}`, '');
  out.push(`## ${w.attendance}`, '');
  for (const p of m.attendance) out.push(`- ${escapeMarkdown(p.displayName)}${personKindMark(p.kind, locale)} — ${p.attended ? w.present : w.absent}`);
  out.push('', `## ${w.agenda}`, '');
  for (const [i, item] of m.agenda.entries()) {
    out.push(`### ${i + 1}. ${escapeMarkdown(item.title)} (${w.planned} ${item.plannedMinutes} ${w.min}, ${w.actual} ${item.actualMinutes} ${w.min})`, '');
    if (item.lever) out.push(`*${w.lever}${w.colon}${labelOf(Lever, item.lever, locale)}*`, '');
    for (const cluster of item.clusters) {
      out.push(`**${cluster.title ? escapeMarkdown(cluster.title) : w.unclustered}**`, '');
      for (const note of cluster.notes)
        out.push(`- ${escapeMarkdown(note.text)}${note.author ? ` — ${escapeMarkdown(note.author)}${personKindMark(note.authorKind, locale)}` : ''}`);
      out.push('');
    }
    for (const vote of item.votes) {
      out.push(
        `**${labelOf(VoteKind, vote.kind, locale)} — ${escapeMarkdown(vote.title)}**`,
        '',
        ...voteResultLines(vote.kind, vote.results, locale).map((l) => `- ${l}`),
        '',
      );
    }
  }
  const loose = m.votes;
  if (loose.length > 0) {
    out.push(`## ${w.votes}`, '');
    for (const vote of loose) {
      out.push(
        `### ${labelOf(VoteKind, vote.kind, locale)} — ${escapeMarkdown(vote.title)}`,
        '',
        ...voteResultLines(vote.kind, vote.results, locale).map((l) => `- ${l}`),
        '',
      );
    }
  }
  out.push(`## ${w.decisions}`, '');
  if (m.decisions.length === 0) out.push(`- ${w.none}`);
  for (const d of m.decisions) out.push(`- ${escapeMarkdown(d.text)}${d.item ? ` (${escapeMarkdown(d.item)})` : ''}${d.projectId ? ` — ${w.project}` : ''}`);
  return out.join('\n') + '\n';
}
