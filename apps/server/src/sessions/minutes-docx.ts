import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import {
  DEFAULT_TIME_ZONE,
  Lever,
  type Locale,
  type MinutesView,
  SessionMode,
  VoteKind,
  labelOf,
  personKindMark,
  sessionTimesLines,
  voteResultLines,
  withoutControlCharacters,
} from '@concerto/domain';

const WORDS = {
  fr: {
    minutes: 'Compte-rendu',
    mode: 'Modalité',
    place: 'Lieu',
    attendance: 'Participants',
    agenda: 'Ordre du jour',
    votes: 'Votes',
    decisions: 'Décisions',
    none: 'Aucune',
    present: 'présent·e',
    absent: 'excusé·e ou absent·e',
    planned: 'prévu',
    actual: 'réel',
    unclustered: 'Contributions non regroupées',
    lever: 'Levier',
    colon: ' : ',
  },
  en: {
    minutes: 'Minutes',
    mode: 'Mode',
    place: 'Place',
    attendance: 'Participants',
    agenda: 'Agenda',
    votes: 'Votes',
    decisions: 'Decisions',
    none: 'None',
    present: 'present',
    absent: 'absent',
    planned: 'planned',
    actual: 'actual',
    unclustered: 'Ungrouped contributions',
    lever: 'Lever',
    colon: ': ',
  },
} as const;

// Control characters are not allowed in Word XML; user text is kept as plain runs (never interpreted).
const plain = withoutControlCharacters;
const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
  new Paragraph({ heading: level, children: [new TextRun(plain(text))] });
const bullet = (text: string) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(plain(text))] });

/**
 * The minutes as a Word document with real headings, so it opens structured in any word processor; dated (planned
 * and actual times) in the reader's language and time zone.
 */
export async function minutesDocx(m: MinutesView, locale: Locale = 'fr', timeZone: string = DEFAULT_TIME_ZONE): Promise<Buffer> {
  const w = WORDS[locale];
  const children: Paragraph[] = [heading(`${w.minutes} — ${m.title}`, HeadingLevel.TITLE)];
  for (const line of sessionTimesLines(m, locale, timeZone)) children.push(new Paragraph(line));
  children.push(new Paragraph(plain(`${w.mode}${w.colon}${labelOf(SessionMode, m.mode, locale)}${m.place ? ` — ${w.place}${w.colon}${m.place}` : ''}`)));
  children.push(heading(w.attendance, HeadingLevel.HEADING_1));
  for (const p of m.attendance) children.push(bullet(`${p.displayName}${personKindMark(p.kind, locale)} — ${p.attended ? w.present : w.absent}`));
  children.push(heading(w.agenda, HeadingLevel.HEADING_1));
  for (const [i, item] of m.agenda.entries()) {
    children.push(heading(`${i + 1}. ${item.title} (${w.planned} ${item.plannedMinutes} min, ${w.actual} ${item.actualMinutes} min)`, HeadingLevel.HEADING_2));
    if (item.lever) children.push(new Paragraph(`${w.lever}${w.colon}${labelOf(Lever, item.lever, locale)}`));
    for (const cluster of item.clusters) {
      children.push(heading(cluster.title || w.unclustered, HeadingLevel.HEADING_3));
      for (const note of cluster.notes)
        children.push(bullet(note.author ? `${note.text} — ${note.author}${personKindMark(note.authorKind, locale)}` : note.text));
    }
    for (const vote of item.votes) {
      children.push(heading(`${labelOf(VoteKind, vote.kind, locale)} — ${vote.title}`, HeadingLevel.HEADING_3));
      for (const line of voteResultLines(vote.kind, vote.results, locale, plain)) children.push(bullet(line));
    }
  }
  if (m.votes.length > 0) {
    children.push(heading(w.votes, HeadingLevel.HEADING_1));
    for (const vote of m.votes) {
      children.push(heading(`${labelOf(VoteKind, vote.kind, locale)} — ${vote.title}`, HeadingLevel.HEADING_2));
      for (const line of voteResultLines(vote.kind, vote.results, locale, plain)) children.push(bullet(line));
    }
  }
  children.push(heading(w.decisions, HeadingLevel.HEADING_1));
  if (m.decisions.length === 0) children.push(bullet(w.none));
  for (const d of m.decisions) children.push(bullet(d.item ? `${d.text} (${d.item})` : d.text));
  return Packer.toBuffer(new Document({ creator: 'Concerto', title: `${w.minutes} — ${plain(m.title)}`, sections: [{ children }] }));
}
