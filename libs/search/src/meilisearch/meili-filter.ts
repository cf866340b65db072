import { decimal } from '../geo.js';
import type { FilterCondition, FilterValue, GeoPoint } from '../search.port.js';
import type { NormalizedSort } from '../search.validation.js';

/** A value as a Meilisearch filter literal: always double-quoted, with `\` and `"` escaped; plain decimals bare. */
export function filterLiteral(value: FilterValue): string {
  if (typeof value === 'number' && /^-?\d+(\.\d+)?$/.test(String(value))) return String(value);
  return `"${String(value).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

const point = (p: GeoPoint) => `${decimal(p.lat)}, ${decimal(p.lng)}`;

/** One validated condition (its field already checked against the filterable attributes). */
export function conditionToMeili(cond: FilterCondition): string {
  if (cond.op === 'geoRadius') return `_geoRadius(${point(cond)}, ${decimal(cond.metres)})`;
  const f = cond.field;
  switch (cond.op) {
    case 'eq':
      return `${f} = ${filterLiteral(cond.value)}`;
    case 'neq':
      return `${f} != ${filterLiteral(cond.value)}`;
    case 'in':
      return `${f} IN [${cond.value.map(filterLiteral).join(', ')}]`;
    case 'gt':
      return `${f} > ${filterLiteral(cond.value)}`;
    case 'gte':
      return `${f} >= ${filterLiteral(cond.value)}`;
    case 'lt':
      return `${f} < ${filterLiteral(cond.value)}`;
    case 'lte':
      return `${f} <= ${filterLiteral(cond.value)}`;
    case 'exists':
      return cond.value === false ? `(${f} NOT EXISTS OR ${f} IS NULL)` : `(${f} EXISTS AND NOT ${f} IS NULL)`;
  }
}

/** A validated filter (AND of OR-groups) as Meilisearch's array form: every string must hold. */
export function filterToMeili(cnf: readonly FilterCondition[][]): string[] {
  return cnf.map((group) => (group.length === 1 ? conditionToMeili(group[0]) : `(${group.map(conditionToMeili).join(' OR ')})`));
}

/** Sort criteria: `field:asc`, or `_geoPoint(lat, lng):asc` for a distance. */
export function sortToMeili(sort: readonly NormalizedSort[]): string[] {
  return sort.map((s) => ('geoPoint' in s ? `_geoPoint(${point(s.geoPoint)}):${s.direction}` : `${s.field}:${s.direction}`));
}
