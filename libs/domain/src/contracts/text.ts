import { z } from 'zod';

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

/** A single-line name or title: cleaned, whitespace collapsed, length-bounded. */
export function nameText(min: number, max: number) {
  return z
    .string()
    .overwrite((v) => cleanText(v).replace(/\s+/g, ' '))
    .min(min)
    .max(max);
}

/** A free text (descriptions, notes): cleaned and length-bounded; line breaks kept. */
export function longText(max: number) {
  return z
    .string()
    .overwrite(cleanText)
    .max(max);
}

export const emailAddress = z
  .string()
  .overwrite((v) => cleanText(v).toLowerCase())
  .pipe(z.email().max(254));

export const uuid = z.uuid();

/** A list of enum values, duplicates dropped (first occurrence kept). */
export function uniqueList<T extends z.ZodType<string>>(item: T, max = 20) {
  return z.array(item).max(max).transform((values) => [...new Set(values)] as z.infer<T>[]);
}
