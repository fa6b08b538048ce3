import type { DriftClass } from '@stalwart-backstage/plugin-stalwart-common';
import {
  DRIFT_CLASS_INFO,
  DRIFT_CLASSES,
} from '@stalwart-backstage/plugin-stalwart-common';
import { DRIFTED_CLASSES } from './driftItems';

/** The drift view's search and class filters, as the URL keeps them. */
export interface DriftQuery {
  search: string;
  classes: ReadonlySet<DriftClass>;
}

export const DEFAULT_DRIFT_CLASSES: DriftClass[] = DRIFTED_CLASSES.filter(
  c => !DRIFT_CLASS_INFO[c].hiddenByDefault,
);

const SEARCH = 'driftSearch';
const CLASSES = 'driftClasses';

/** Reads the drift query; unknown class names are dropped, an absent list means the defaults. */
export function parseDriftQuery(params: URLSearchParams): DriftQuery {
  const listed = params.get(CLASSES);
  const classes =
    listed === null
      ? DEFAULT_DRIFT_CLASSES
      : DRIFT_CLASSES.filter(c => listed.split(',').includes(c));
  return { search: params.get(SEARCH) ?? '', classes: new Set(classes) };
}

/** Writes the drift query into `params`, leaving other parameters (the fleet's, the tab's) alone. */
export function writeDriftQuery(
  params: URLSearchParams,
  query: DriftQuery,
): URLSearchParams {
  const next = new URLSearchParams(params);
  if (query.search) next.set(SEARCH, query.search);
  else next.delete(SEARCH);
  const classes = DRIFT_CLASSES.filter(c => query.classes.has(c));
  const isDefault =
    classes.length === DEFAULT_DRIFT_CLASSES.length &&
    DEFAULT_DRIFT_CLASSES.every(c => query.classes.has(c));
  if (isDefault) next.delete(CLASSES);
  else next.set(CLASSES, classes.join(','));
  return next;
}
