import type { en } from './en.ts';

type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The shape every language's catalog must have: the English one's keys, any strings. */
export type Catalog = Widen<typeof en>;
