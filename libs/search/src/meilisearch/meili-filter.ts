import type { FilterCondition, FilterValue } from '../search.port.js';

/** A value as a Meilisearch filter literal: always double-quoted, with `\` and `"` escaped; plain decimals bare. */
export function filterLiteral(value: FilterValue): string {
  if (typeof value === 'number' && /^-?\d+(\.\d+)?$/.test(String(value))) return String(value);
  return `"${String(value).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** One validated condition (its field already checked against the filterable attributes). */
export function conditionToMeili(cond: FilterCondition): string {
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
