/** The shape a translation must provide: the same keys as the French reference, any text. */
export type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
