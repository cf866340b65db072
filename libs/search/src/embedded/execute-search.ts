import type { FacetDistribution, SearchDocument } from '../search.port.js';
import type { NormalizedQuery } from '../search.validation.js';
import { analyzeQuery } from '../tokenizer.js';
import { andAll, type Bitmap } from './bitmap.js';
import type { EmbeddedIndex } from './embedded-index.js';
import { evaluateFilter, matchTerm, type TermMatch } from './query-matcher.js';
import { attributePartition, exactnessPartition, rankPage, wordsPartition, type Partition } from './ranking.js';
import { sortKeys, sortPartition } from './sort-partition.js';

export interface ExecutedSearch {
  hits: SearchDocument[];
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
    else if (rule === 'attribute' && matches.length) partitions.push(attributePartition(matches));
    else if (rule === 'exactness' && matches.length) partitions.push(exactnessPartition(matches));
    else if (rule === 'sort' && query.sort.length) {
      partitions.push(sortPartition(sortKeys(index, query.sort), query.offset + query.limit));
    }
  }
  const ids = query.limit > 0 ? rankPage(candidates, partitions, query.offset, query.limit) : [];
  return {
    hits: ids.map((id) => structuredClone(index.docs[id]!)),
    total: candidates.size,
    facetDistribution,
  };
}
