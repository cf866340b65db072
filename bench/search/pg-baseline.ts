/**
 * The PostgreSQL baseline: the same documents in a table with a tsvector built from pre-segmented tokens (the
 * words, Han bigrams and single characters of `segmentForSearch`, plus the pinyin of `pinyinForSearch` — what
 * `to_tsvector('simple', …)` makes of that text, written directly as weighted tsvector literals), a GIN index on it,
 * btree/GIN indexes on the filter columns, and each SearchQuery translated to one SQL statement: the matching rows
 * (tsquery of the same query terms, synonyms expanded, the filters), ranked by ts_rank (or sorted as asked),
 * LIMIT/OFFSET, the total, and one GROUP BY per facet. No typo tolerance (PostgreSQL full text has none).
 */
import { analyzeQuery, hanGrams, normalizeText, pinyinForSearch, segmentForSearch, type IndexSettings, type SearchDocument, type SearchQuery } from '@daogang/search';
import pg from 'pg';
import { copyFromStdin } from '../import/copy-in.js';

type ColumnType = 'text' | 'int' | 'bigint' | 'bool' | 'text[]' | 'float8';

export interface PgIndexSpec {
  table: string;
  settings: IndexSettings;
  /** Filterable/sortable document field → column. */
  columns: Record<string, { column: string; type: ColumnType }>;
  /** Searchable attribute → tsvector weight. */
  weights: Record<string, 'A' | 'B' | 'C' | 'D'>;
}

export const JOBS_PG: Omit<PgIndexSpec, 'settings'> = {
  table: 'bench_jobs',
  columns: {
    provinceCode: { column: 'province_code', type: 'text' },
    cityCode: { column: 'city_code', type: 'text' },
    countyCode: { column: 'county_code', type: 'text' },
    category: { column: 'category', type: 'text' },
    benefits: { column: 'benefits', type: 'text[]' },
    shift: { column: 'shift', type: 'text' },
    wageMax: { column: 'wage_max', type: 'int' },
    wageMin: { column: 'wage_min', type: 'int' },
    startDay: { column: 'start_day', type: 'int' },
    accessible: { column: 'accessible', type: 'bool' },
    trainingOffered: { column: 'training_offered', type: 'bool' },
    employerId: { column: 'employer_id', type: 'text' },
    publishedAt: { column: 'published_at', type: 'bigint' },
  },
  weights: { title: 'A', category: 'B', place: 'B', benefitNames: 'B', shiftName: 'B', employerName: 'C', skills: 'C', description: 'D' },
};

export const WORKERS_PG: Omit<PgIndexSpec, 'settings'> = {
  table: 'bench_workers',
  columns: {
    countyCode: { column: 'county_code', type: 'text' },
    cityCode: { column: 'city_code', type: 'text' },
    provinceCode: { column: 'province_code', type: 'text' },
    status: { column: 'status', type: 'text' },
    skills: { column: 'skills', type: 'text[]' },
    wishCategories: { column: 'wish_categories', type: 'text[]' },
    registeredPoor: { column: 'registered_poor', type: 'bool' },
    wantsToMove: { column: 'wants_to_move', type: 'bool' },
    wantsTraining: { column: 'wants_training', type: 'bool' },
    birthDay: { column: 'birth_day', type: 'int' },
    availableDay: { column: 'available_day', type: 'int' },
    sex: { column: 'sex', type: 'text' },
    minMonthlyWage: { column: 'min_monthly_wage', type: 'int' },
    zeroEmploymentHousehold: { column: 'zero_employment', type: 'bool' },
    completeness: { column: 'completeness', type: 'int' },
  },
  weights: { name: 'A', skills: 'B', wishes: 'B', place: 'B', village: 'C', education: 'D' },
};

const FILTER_INDEX: Record<ColumnType, string> = { text: 'btree', int: 'btree', bigint: 'btree', bool: 'btree', float8: 'btree', 'text[]': 'gin' };

/** Texts of a field value (strings, numbers, arrays of them). */
function texts(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [];
  if (Array.isArray(value)) return value.flatMap(texts);
  if (typeof value === 'object') return [];
  return [String(value)];
}

const tokenCache = new Map<string, string[]>();
/** The lexemes of one attribute value: segmentForSearch's tokens (+ pinyin). Short values repeat: memoised. */
function lexemes(text: string, withPinyin: boolean): string[] {
  const key = (withPinyin ? '1' : '0') + text;
  let tokens = tokenCache.get(key);
  if (!tokens) {
    tokens = segmentForSearch(text).split(/\s+/).filter((t) => t && t !== ';');
    if (withPinyin) tokens.push(...pinyinForSearch(text).split(/\s+/).filter(Boolean));
    if (text.length <= 64) {
      if (tokenCache.size > 200_000) tokenCache.clear();
      tokenCache.set(key, tokens);
    }
  }
  return tokens;
}

const lexeme = (t: string) => `'${t.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** The document's weighted tsvector literal. */
export function tsvectorOf(spec: PgIndexSpec, doc: SearchDocument): string {
  const parts: string[] = [];
  let position = 1;
  const pinyin = new Set(spec.settings.pinyinAttributes ?? spec.settings.searchableAttributes);
  for (const attr of spec.settings.searchableAttributes) {
    const weight = spec.weights[attr] ?? 'D';
    const suffix = weight === 'D' ? '' : weight;
    for (const text of texts(doc[attr])) {
      for (const t of lexemes(text, pinyin.has(attr))) {
        parts.push(`${lexeme(t)}:${Math.min(position++, 16383)}${suffix}`);
      }
    }
  }
  return parts.join(' ');
}

const copyEscape = (v: unknown): string => {
  if (v === null || v === undefined) return '\\N';
  if (Array.isArray(v)) return `{${v.map((x) => `"${String(x).replace(/["\\]/g, '\\$&')}"`).join(',')}}`.replace(/\\/g, '\\\\');
  return String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
};

export class PgBaseline {
  readonly spec: PgIndexSpec;

  constructor(
    private readonly client: pg.Client,
    spec: Omit<PgIndexSpec, 'settings'>,
    settings: IndexSettings,
  ) {
    this.spec = { ...spec, settings };
  }

  private get columnList(): string[] {
    return ['id', 'tsv', ...Object.values(this.spec.columns).map((c) => c.column), 'lat', 'lng', 'doc'];
  }

  async create(): Promise<void> {
    const cols = Object.values(this.spec.columns).map((c) => `${c.column} ${c.type}`).join(', ');
    await this.client.query(`DROP TABLE IF EXISTS ${this.spec.table}`);
    await this.client.query(`CREATE TABLE ${this.spec.table} (id text PRIMARY KEY, tsv tsvector NOT NULL, ${cols}, lat float8, lng float8, doc text NOT NULL)`);
  }

  /** COPY text for documents. */
  rows(docs: Iterable<SearchDocument>): Buffer {
    let text = '';
    for (const doc of docs) {
      const geo = doc._geo as { lat: number; lng: number } | undefined;
      const values = [
        doc.id, tsvectorOf(this.spec, doc),
        ...Object.entries(this.spec.columns).map(([field, c]) => (c.type === 'text[]' ? (doc[field] as unknown[]) ?? [] : doc[field] ?? null)),
        geo?.lat ?? null, geo?.lng ?? null, JSON.stringify(doc),
      ];
      text += values.map(copyEscape).join('\t') + '\n';
    }
    return Buffer.from(text);
  }

  async copy(chunks: Buffer[]): Promise<number> {
    return copyFromStdin(this.client, `COPY ${this.spec.table} (${this.columnList.join(', ')}) FROM STDIN`, chunks);
  }

  /** GIN on the tsvector, btree/GIN on the filter columns, ANALYZE. */
  async index(): Promise<void> {
    await this.client.query(`SET maintenance_work_mem = '1GB'`);
    await this.client.query(`CREATE INDEX ${this.spec.table}_tsv ON ${this.spec.table} USING gin (tsv)`);
    for (const { column, type } of Object.values(this.spec.columns)) {
      await this.client.query(`CREATE INDEX ${this.spec.table}_${column} ON ${this.spec.table} USING ${FILTER_INDEX[type]} (${column})`);
    }
    await this.client.query(`VACUUM ANALYZE ${this.spec.table}`);
  }

  /** The tsquery of a query text: every term required; Han terms as their bigrams; the last latin term a prefix; synonyms ORed. */
  tsquery(q: string): string | undefined {
    const synonyms = new Map(Object.entries(this.spec.settings.synonyms ?? {}).map(([k, v]) => [normalizeText(k), v]));
    const terms = analyzeQuery(q, (chunk) => synonyms.has(chunk));
    if (!terms.length) return undefined;
    const termExpr = (t: { text: string; han: boolean; prefix: boolean }) =>
      t.han ? `(${hanGrams(t.text).map(lexeme).join(' & ')})` : `${lexeme(t.text)}${t.prefix ? ':*' : ''}`;
    return terms
      .map((term) => {
        const alternatives = [termExpr(term)];
        for (const alt of synonyms.get(term.text) ?? []) {
          const altTerms = analyzeQuery(alt).map((t) => ({ ...t, prefix: false }));
          if (altTerms.length) alternatives.push(`(${altTerms.map(termExpr).join(' & ')})`);
        }
        return alternatives.length > 1 ? `(${alternatives.join(' | ')})` : alternatives[0];
      })
      .join(' & ');
  }

  /** One statement: matches (materialised), the ranked/sorted page with its documents, the total, the facets. */
  sql(query: SearchQuery): { text: string; values: unknown[] } {
    const values: unknown[] = [];
    const param = (v: unknown) => {
      values.push(v);
      return `$${values.length}`;
    };
    const where: string[] = [];
    const ts = query.q ? this.tsquery(query.q) : undefined;
    const tsParam = ts ? param(ts) : undefined;
    if (tsParam) where.push(`tsv @@ ${tsParam}::tsquery`);
    const condition = (c: NonNullable<SearchQuery['filter']>[number]): string => {
      if ('anyOf' in c) return `(${c.anyOf.map(condition).join(' OR ')})`;
      if (c.op === 'geoRadius') throw new Error('geoRadius is not used by the bench');
      const { column, type } = this.spec.columns[c.field];
      const array = type === 'text[]';
      switch (c.op) {
        case 'eq':
          return array ? `${column} @> ARRAY[${param(String(c.value))}]::text[]` : `${column} = ${param(c.value)}`;
        case 'neq':
          return array ? `NOT (${column} @> ARRAY[${param(String(c.value))}]::text[])` : `${column} IS DISTINCT FROM ${param(c.value)}`;
        case 'in':
          return array ? `${column} && ${param(c.value.map(String))}::text[]` : `${column} = ANY(${param(c.value)})`;
        case 'exists':
          return c.value === false ? `${column} IS NULL` : `${column} IS NOT NULL`;
        case 'gt':
          return `${column} > ${param(c.value)}`;
        case 'gte':
          return `${column} >= ${param(c.value)}`;
        case 'lt':
          return `${column} < ${param(c.value)}`;
        case 'lte':
          return `${column} <= ${param(c.value)}`;
      }
    };
    for (const c of query.filter ?? []) where.push(condition(c));
    const facets = query.facets ?? [];
    const needed = new Set<string>();
    const order: string[] = [];
    for (const s of query.sort ?? []) {
      const dir = s.direction === 'desc' ? 'DESC' : 'ASC';
      if ('geoPoint' in s) {
        const lat = param(s.geoPoint.lat);
        const lng = param(s.geoPoint.lng);
        needed.add('lat').add('lng');
        order.push(
          `(2 * 6371000 * asin(sqrt(power(sin(radians(lat - ${lat}::float8) / 2), 2) + cos(radians(${lat}::float8)) * cos(radians(lat)) * power(sin(radians(lng - ${lng}::float8) / 2), 2)))) ${dir} NULLS LAST`,
        );
      } else {
        const column = this.spec.columns[s.field].column;
        needed.add(column);
        order.push(`${column} ${dir} NULLS LAST`);
      }
    }
    // As the engine ranks: the text match first, then the sort; without text, the sort alone.
    if (tsParam) order.unshift('rank DESC');
    order.push('id');
    for (const f of facets) needed.add(this.spec.columns[f].column);
    const select = ['id', ...(tsParam ? [`ts_rank(tsv, ${tsParam}::tsquery) AS rank`] : []), ...needed];
    const limit = param(query.limit ?? 20);
    const offset = param(query.offset ?? 0);
    const facetSql = facets.map((f, i) => {
      const { column, type } = this.spec.columns[f];
      const inner = type === 'text[]'
        ? `SELECT v, count(*) AS n FROM m, unnest(m.${column}) AS v GROUP BY v ORDER BY n DESC LIMIT 100`
        : `SELECT ${column}::text AS v, count(*) AS n FROM m WHERE ${column} IS NOT NULL GROUP BY ${column} ORDER BY n DESC LIMIT 100`;
      return `(SELECT json_object_agg(v, n) FROM (${inner}) f${i}) AS facet_${i}`;
    });
    const text = `WITH m AS MATERIALIZED (SELECT ${select.join(', ')} FROM ${this.spec.table}${where.length ? ` WHERE ${where.join(' AND ')}` : ''})
SELECT (SELECT count(*) FROM m) AS total,
  (SELECT coalesce(json_agg(b.doc::json ORDER BY p.ord), '[]') FROM (SELECT id, row_number() OVER () AS ord FROM (SELECT id FROM m ORDER BY ${order.join(', ')} LIMIT ${limit} OFFSET ${offset}) s) p JOIN ${this.spec.table} b USING (id)) AS hits${facetSql.length ? ',\n  ' + facetSql.join(',\n  ') : ''}`;
    return { text, values };
  }

  async search(query: SearchQuery): Promise<{ total: number; hits: SearchDocument[]; facets: Record<string, Record<string, number>> }> {
    const { text, values } = this.sql(query);
    const { rows } = await this.client.query(text, values);
    const row = rows[0];
    const facets: Record<string, Record<string, number>> = {};
    (query.facets ?? []).forEach((f, i) => (facets[f] = row[`facet_${i}`] ?? {}));
    return { total: Number(row.total), hits: row.hits, facets };
  }
}
