import { type Locale, TextIssue, labelOf } from '@concerto/domain';
import { z } from 'zod';

const zodLocales = { fr: z.locales.fr().localeError, en: z.locales.en().localeError };

/** zod's messages in the caller's language, plus this domain's text issues (`params.textIssue`, see libs/domain). */
export function zodErrorsIn(locale: Locale): z.core.$ZodErrorMap {
  const zodError = zodLocales[locale];
  return (issue) => {
    const key: unknown = issue.code === 'custom' ? issue.params?.textIssue : undefined;
    if (typeof key === 'string' && (TextIssue.keys as readonly string[]).includes(key)) return labelOf(TextIssue, key as TextIssue, locale);
    return zodError(issue);
  };
}
