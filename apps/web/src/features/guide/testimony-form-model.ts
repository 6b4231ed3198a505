import type { FunderLevel, Lever, LiveMeasure, SupportStage, TestimonyView, UpdateTestimonyRequest } from '@concerto/domain';
import { parseDecimal } from '../../ui/format';

/** A key figure as edited: numbers stay text while typed (« 1 250,5 »), parsed on save. */
export type FigureFormValue =
  | { kind: 'typed'; label: string; value: string; unit: string }
  | { kind: 'live'; label: string; measure: LiveMeasure; projectId: string; funderLevel: FunderLevel | ''; from: string; to: string };

export interface TestimonyFormValues {
  title: string;
  territory: string;
  collectivites: { organisationId: string; name: string; stages: SupportStage[] }[];
  levers: Lever[];
  figures: FigureFormValue[];
  quotes: { text: string; author: string; role: string }[];
}

export const TESTIMONY_FIELDS = ['title', 'territory', 'collectivites', 'levers', 'figures', 'quotes'] as const;

export function toTestimonyFormValues(testimony: TestimonyView): TestimonyFormValues {
  return {
    title: testimony.title,
    territory: testimony.territory,
    collectivites: testimony.collectivites.map((c) => ({ organisationId: c.organisation.id, name: c.organisation.name, stages: [...c.stages] })),
    levers: [...testimony.levers],
    figures: testimony.figures.map((figure) =>
      figure.kind === 'typed'
        ? { kind: 'typed', label: figure.label, value: String(figure.value).replace('.', ','), unit: figure.unit }
        : {
            kind: 'live',
            label: figure.label,
            measure: figure.source.measure,
            projectId: figure.source.projectId ?? '',
            funderLevel: figure.source.funderLevel ?? '',
            from: figure.source.from === null ? '' : String(figure.source.from),
            to: figure.source.to === null ? '' : String(figure.source.to),
          },
    ),
    quotes: testimony.quotes.map((q) => ({ ...q })),
  };
}

const year = (text: string): number | null => (text.trim() === '' ? null : Number(text.trim()));

/** The figures as the API takes them; a number that cannot be read stays NaN so that validation names the field. */
function figuresRequest(figures: readonly FigureFormValue[]) {
  return figures.map((figure) =>
    figure.kind === 'typed'
      ? { kind: 'typed' as const, label: figure.label, value: parseDecimal(figure.value) ?? Number.NaN, unit: figure.unit }
      : {
          kind: 'live' as const,
          label: figure.label,
          source: {
            measure: figure.measure,
            projectId: figure.projectId || null,
            funderLevel: figure.funderLevel || null,
            from: year(figure.from),
            to: year(figure.to),
          },
        },
  );
}

/** The PATCH body: only the fields that differ from the version the editor started from, with that version. */
export function testimonyChanges(
  values: TestimonyFormValues,
  baseline: TestimonyFormValues,
  version: number,
): { dirty: boolean; request: Record<string, unknown> & { version: number } } {
  const request: Record<string, unknown> & { version: number } = { version };
  const same = (key: keyof TestimonyFormValues) => JSON.stringify(values[key]) === JSON.stringify(baseline[key]);
  if (!same('title')) request.title = values.title;
  if (!same('territory')) request.territory = values.territory;
  if (!same('collectivites')) request.collectivites = values.collectivites.map(({ organisationId, stages }) => ({ organisationId, stages }));
  if (!same('levers')) request.levers = values.levers;
  if (!same('figures')) request.figures = figuresRequest(values.figures);
  if (!same('quotes')) request.quotes = values.quotes;
  return { dirty: Object.keys(request).length > 1, request };
}

export type { UpdateTestimonyRequest };
