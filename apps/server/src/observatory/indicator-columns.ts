import { ROLLED_UP_INDICATORS, type ProjectStage, type RolledUpIndicator } from '@concerto/domain';
import { type Interner, STAGES } from './rollup-columns.js';

/** One row of `observatory_indicator_rollup`: a project's value of an indicator for a year (its latest measure of that year). */
export interface IndicatorFact {
  spaceId: string;
  projectId: string;
  kind: RolledUpIndicator;
  year: number;
  projectStage: ProjectStage;
  value: number;
}

export const INDICATORS = ROLLED_UP_INDICATORS;

/** A pole's indicator rows as columns (vocabularies as their index), like its funding rollup (see RollupColumns). */
export interface IndicatorColumns {
  length: number;
  space: Int32Array;
  project: Int32Array;
  kind: Uint8Array;
  stage: Uint8Array;
  year: Int16Array;
  value: Float64Array;
}

export function toIndicatorColumns(rows: readonly IndicatorFact[], ids: Interner): IndicatorColumns {
  const n = rows.length;
  const columns: IndicatorColumns = {
    length: n,
    space: new Int32Array(n),
    project: new Int32Array(n),
    kind: new Uint8Array(n),
    stage: new Uint8Array(n),
    year: new Int16Array(n),
    value: new Float64Array(n),
  };
  rows.forEach((row, i) => {
    columns.space[i] = ids.index(row.spaceId);
    columns.project[i] = ids.index(row.projectId);
    columns.kind[i] = INDICATORS.indexOf(row.kind);
    columns.stage[i] = STAGES.indexOf(row.projectStage);
    columns.year[i] = row.year;
    columns.value[i] = row.value;
  });
  return columns;
}
