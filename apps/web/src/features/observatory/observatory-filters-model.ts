import type { FundingStatus } from '@concerto/domain';
import type { ObservatoryFilters } from './observatory-api';

/** The filter form's values: everything as text, statuses as a list. */
export interface FilterFormValues {
  from: string;
  to: string;
  territory: string;
  poleStage: string;
  projectStage: string;
  implantation: string;
  sector: string;
  level: string;
  statuses: FundingStatus[];
  spaceId: string;
  /** One of my saved sample selections (the sample builder). */
  selectionId: string;
}

export const DEFAULT_STATUSES: FundingStatus[] = ['secured', 'paid'];

export const EMPTY_FILTERS: FilterFormValues = {
  from: '',
  to: '',
  territory: '',
  poleStage: '',
  projectStage: '',
  implantation: '',
  sector: '',
  level: '',
  statuses: DEFAULT_STATUSES,
  spaceId: '',
  selectionId: '',
};

const year = (text: string) => (/^\d{4}$/.test(text.trim()) ? Number(text.trim()) : undefined);

/** The query sent to the observatory (empty filters left out; the default statuses too). */
export function toQuery(values: FilterFormValues): ObservatoryFilters {
  const isDefault = values.statuses.length === DEFAULT_STATUSES.length && DEFAULT_STATUSES.every((s) => values.statuses.includes(s));
  const text = (v: string) => (v.trim() === '' ? undefined : v.trim());
  return Object.fromEntries(
    Object.entries({
      from: year(values.from),
      to: year(values.to),
      territory: text(values.territory),
      poleStage: text(values.poleStage),
      projectStage: text(values.projectStage),
      implantation: text(values.implantation),
      sector: text(values.sector),
      level: text(values.level),
      statuses: isDefault || values.statuses.length === 0 ? undefined : values.statuses,
      spaceId: text(values.spaceId),
      selectionId: text(values.selectionId),
    }).filter(([, v]) => v !== undefined),
  ) as ObservatoryFilters;
}

/** Years typed that are not years, or a period that ends before it starts. */
export function periodErrors(values: FilterFormValues): Partial<Record<'from' | 'to', 'year' | 'order'>> {
  const errors: Partial<Record<'from' | 'to', 'year' | 'order'>> = {};
  if (values.from.trim() && year(values.from) === undefined) errors.from = 'year';
  if (values.to.trim() && year(values.to) === undefined) errors.to = 'year';
  const from = year(values.from);
  const to = year(values.to);
  if (from !== undefined && to !== undefined && from > to) errors.to = 'order';
  return errors;
}
