import { formatHit, highlightTerms } from '../highlight.js';
import type { FacetDistribution, SearchHit } from '../search.port.js';
import type { NormalizedQuery } from '../search.validation.js';
import { analyzeQuery } from '../tokenizer.js';
import { andAll, type Bitmap } from './bitmap.js';
import type { EmbeddedIndex } from './embedded-index.js';
import { evaluateFilter, matchTerm, type TermMatch } from './query-matcher.js';
import { attributePartition, exactnessPartition, rankPage, typoPartition, wordsPartition, type Partition } from './ranking.js';
import { sortKeys, sortPartition } from './sort-partition.js';

export interface ExecutedSearch {
  hits: SearchHit[];
  total: number;
  facetDistribution?: FacetDistribution;
}

/** Runs a validated query against one embedded index. */
export function executeSearch(index: EmbeddedIndex, query: NormalizedQuery): ExecutedSearch {
  const filter = evaluateFilter(index, query.filter);
  const terms = analyzeQuery(query.q, (chunk) => index.synonyms.has(chunk));
  const matches: TermMatch[] = terms.map((term) => matchTerm(index, term));

  let candidates: Bitmap;
  if (matches.length === 0) {
    candidates = filter ?? index.all;
  } else {
    const required = query.matchingStrategy === 'last' ? matches.slice(0, 1) : matches;
    candidates = andAll([...required.map((m) => m.any), ...(filter ? [filter] : [])]);
  }

  let facetDistribution: FacetDistribution | undefined;
  if (query.facets.length) {
    facetDistribution = {};
    const isAll = candidates === index.all;
    for (const facet of query.facets) {
      facetDistribution[facet] = index.filters
        .get(facet)!
        .facet(candidates, isAll, index.settings.maxValuesPerFacet, index.docOf);
    }
  }

  const partitions: Partition[] = [];
  for (const rule of index.settings.rankingRules) {
    if (rule === 'words' && matches.length > 1 && query.matchingStrategy === 'last') partitions.push(wordsPartition(matches));
    else if (rule === 'typo') {
      const typo = typoPartition(matches);
      if (typo) partitions.push(typo);
    } else if (rule === 'attribute' && matches.length) partitions.push(attributePartition(matches));
    else if (rule === 'exactness' && matches.length) partitions.push(exactnessPartition(matches));
    else if (rule === 'sort' && query.sort.length) {
      partitions.push(sortPartition(sortKeys(index, query.sort), query.offset + query.limit));
    }
  }
  const ids = query.limit > 0 ? rankPage(candidates, partitions, query.offset, query.limit) : [];
  return { hits: hitsOf(index, query, ids), total: candidates.size, facetDistribution };
}

/** Copies of the documents, with `_geoDistance` (geo sort) and `_formatted` (highlight) when asked for. */
function hitsOf(index: EmbeddedIndex, query: NormalizedQuery, ids: readonly number[]): SearchHit[] {
  const geoSort = query.sort.find((s) => 'geoPoint' in s);
  const distance = geoSort && 'geoPoint' in geoSort ? index.geo!.distanceFrom(geoSort.geoPoint) : undefined;
  const highlight = query.highlight;
  const terms = highlight ? highlightTerms(query.q, index.settings) : [];
  return ids.map((id) => {
    const hit: SearchHit = index.docOf(id)!;
    if (distance && index.geo!.present.has(id)) hit._geoDistance = Math.round(distance(id));
    if (highlight) hit._formatted = formatHit(hit, terms, highlight, index.settings);
    return hit;
  });
}
