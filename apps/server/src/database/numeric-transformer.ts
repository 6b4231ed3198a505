import type { ValueTransformer } from 'typeorm';

/** pg returns bigint and numeric as strings (they may exceed 2^53); Concerto's amounts and figures fit in a number. */
export const numericTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
