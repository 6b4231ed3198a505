import { z } from 'zod';

/** What a CSV file holds: projects, or funding lines of the space's projects. */
export const ImportKind = z.enum(['projects', 'funding_lines']);
export type ImportKind = z.infer<typeof ImportKind>;

export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 5000;

export const ImportRequest = z.strictObject({
  kind: ImportKind,
  csv: z.string().min(1).max(MAX_IMPORT_BYTES),
  /** Only check the file and report; write nothing. */
  dryRun: z.boolean().default(true),
});
export type ImportRequest = z.infer<typeof ImportRequest>;

export const ImportIssue = z.object({ line: z.number(), column: z.string().nullable(), message: z.string() });
export type ImportIssue = z.infer<typeof ImportIssue>;

/** The report of an import: nothing is written unless every line is valid. */
export const ImportReport = z.object({
  kind: ImportKind,
  dryRun: z.boolean(),
  rowCount: z.number(),
  valid: z.boolean(),
  created: z.number(),
  errors: z.array(ImportIssue),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const ExportQuery = z.strictObject({ kind: ImportKind.default('projects') });
export type ExportQuery = z.infer<typeof ExportQuery>;
