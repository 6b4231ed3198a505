import { z } from 'zod';

/** What a CSV file holds: projects, or funding lines of the space's projects. */
export const ImportKind = z.enum(['projects', 'funding_lines']);
export type ImportKind = z.infer<typeof ImportKind>;

export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 5000;

/** The character encodings an import reads: UTF-8, or Windows-1252 (Excel's « CSV (séparateur : point-virgule) »). */
export const CsvEncoding = z.enum(['utf-8', 'windows-1252']);
export type CsvEncoding = z.infer<typeof CsvEncoding>;

export const ImportRequest = z
  .strictObject({
    kind: ImportKind,
    /** The file as text (already decoded): read as UTF-8. */
    csv: z.string().min(1).max(MAX_IMPORT_BYTES).optional(),
    /** Or the file's bytes in base64: decoded as UTF-8 when valid, as Windows-1252 otherwise. */
    file: z
      .base64()
      .min(1)
      .max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4)
      .optional(),
    /** Only check the file and report; write nothing. */
    dryRun: z.boolean().default(true),
  })
  .refine((request) => (request.csv === undefined) !== (request.file === undefined), {
    message: 'Give the file either as text (csv) or as bytes (file), not both',
    path: ['csv'],
  });
export type ImportRequest = z.infer<typeof ImportRequest>;

export const ImportIssue = z.object({ line: z.number(), column: z.string().nullable(), message: z.string() });
export type ImportIssue = z.infer<typeof ImportIssue>;

/** The report of an import: nothing is written unless every line is valid. */
export const ImportReport = z.object({
  kind: ImportKind,
  dryRun: z.boolean(),
  /** How the file's bytes were read. */
  encoding: CsvEncoding,
  rowCount: z.number(),
  valid: z.boolean(),
  created: z.number(),
  errors: z.array(ImportIssue),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const ExportQuery = z.strictObject({ kind: ImportKind.default('projects') });
export type ExportQuery = z.infer<typeof ExportQuery>;
