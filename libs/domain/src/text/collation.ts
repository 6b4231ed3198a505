const french = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** Orders names as a French reader expects (accents, case and numbers), e.g. « Écopôle » beside « Ecole ». */
export const compareFrench = (a: string, b: string): number => french.compare(a, b);
