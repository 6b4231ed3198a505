import { z } from 'zod';
import type { TextIssue } from '../vocabulary/errors.js';

// C0/C1 control characters except tab and line breaks, plus bidi overrides used for spoofing.
// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const UNSAFE_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** Removes control characters and bidi overrides (what Word XML refuses and what spoofs text), nothing else. */
export function withoutControlCharacters(value: string): string {
  return value.replace(UNSAFE_CHARACTERS, '');
}

/** Removes control characters, then Unicode-normalises (NFC) and trims. */
export function cleanText(value: string): string {
  return withoutControlCharacters(value).normalize('NFC').trim();
}

/**
 * User text made inert in Markdown: control characters removed, Markdown and HTML punctuation escaped, line
 * breaks turned into spaces (a note cannot inject links, images, HTML or structure).
 */
export function escapeMarkdown(text: string): string {
  return withoutControlCharacters(text)
    .replace(/[\\`*_{}[\]()#+\-!|<>~]/g, (c) => `\\${c}`)
    .replace(/\r?\n/g, ' ');
}

// What shows nothing on its own: white space and separators, control and format characters (zero-width space,
// joiners U+200B–U+200D, word joiner U+2060, BOM U+FEFF, soft hyphen U+00AD, bidi marks U+200E/U+200F, embeddings
// and isolates U+202A–U+202E/U+2066–U+2069, tags…), variation selectors, the combining grapheme joiner, and the
// Hangul and Braille blanks.
const INVISIBLE_CHARACTERS = /[\p{White_Space}\p{Cc}\p{Cf}\p{Z}\p{Variation_Selector}\u115F\u1160\u2800\u3164\uFFA0]|\u034F|\u17B4|\u17B5/gu;

/** Length of a text without its invisible characters (see above). */
export function visibleLength(value: string): number {
  return value.replace(INVISIBLE_CHARACTERS, '').length;
}

/**
 * Marks a zod issue as one of the TextIssue vocabulary, so that the server can word it in the caller's language
 * (`params.textIssue`); elsewhere it reads as an invalid value.
 */
export const textIssue = (key: TextIssue) => ({ params: { textIssue: key } });

/** A single-line text that may be empty (territory, place, unit…): cleaned, whitespace collapsed, length-bounded. */
export function nameText(max: number) {
  return z
    .string()
    .overwrite((v) => cleanText(v).replace(/\s+/g, ' '))
    .max(max);
}

/**
 * A required name or title (project, space, pole, organisation, session, agenda item, milestone, vote, person…):
 * a nameText with at least `min` visible characters, so that zero-width spaces, soft hyphens or bidi marks alone
 * do not make a title that shows nothing. Invisible characters inside visible text (an emoji's joiner) are kept.
 */
export function visibleText(min: number, max: number) {
  return nameText(max)
    .min(min)
    .refine((v) => v.length < min || visibleLength(v) >= min, textIssue('invisible_text'));
}

/** A free text (descriptions, notes): cleaned and length-bounded; line breaks kept. */
export function longText(max: number) {
  return z.string().overwrite(cleanText).max(max);
}

export const emailAddress = z
  .string()
  .overwrite((v) => cleanText(v).toLowerCase())
  .pipe(z.email().max(254));

export const uuid = z.uuid();

/** A list of enum values, duplicates dropped (first occurrence kept). */
export function uniqueList<T extends z.ZodType<string>>(item: T, max = 20) {
  return z
    .array(item)
    .max(max)
    .transform((values) => [...new Set(values)] as z.infer<T>[]);
}
