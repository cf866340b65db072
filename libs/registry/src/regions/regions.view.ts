import type { PairingDto, RegionDetailDto, RegionDto, RegionListDto, RegionPairingDto, RegionQueryDto, RegionRefDto } from './dto/region.dto.js';
import type { PairingMatch, Region, ResolvedPairing } from './region.js';
import type { RegionsService } from './regions.service.js';

/** The API's view of the regions: what the controller returns, built from the service's in-memory data. */

export function regionList(regions: RegionsService, query: RegionQueryDto): RegionListDto {
  if (query.parent) regions.getOrThrow(query.parent);
  if (query.q) {
    const { items, total } = regions.search(query.q, { level: query.level, within: query.parent, limit: query.limit ?? 20 });
    return { items: items.map(toRegionDto), total };
  }
  // parent alone: its children; level (with or without parent): every region of that level (under parent); neither: provinces.
  const matching = query.level
    ? regions.all(query.level).filter((r) => !query.parent || regions.isWithin(r.code, query.parent))
    : query.parent
      ? regions.children(query.parent)
      : regions.provinces();
  const items = query.limit ? matching.slice(0, query.limit) : matching;
  return { items: items.map(toRegionDto), total: matching.length };
}

export function regionDetail(regions: RegionsService, code: string): RegionDetailDto {
  const region = regions.getOrThrow(code);
  return {
    ...toRegionDto(region),
    ancestors: regions.chain(code).slice(0, -1).map(toRef),
    childCount: regions.children(code).length,
    pairings: regions.pairingOf(code).map(toRegionPairing),
  };
}

export function pairingList(regions: RegionsService): PairingDto[] {
  return regions.allPairings().map(toPairingDto);
}

export function toRegionDto(r: Region): RegionDto {
  return {
    code: r.code,
    name: r.name,
    shortName: r.shortName,
    level: r.level,
    ...(r.parentCode ? { parentCode: r.parentCode } : {}),
    pinyin: r.pinyin,
    initials: r.initials,
    countyLevel: r.countyLevel,
    ...(r.centre ? { centre: [...r.centre] } : {}),
    ...(r.approx ? { approx: true } : {}),
  };
}

function toRef(r: Region): RegionRefDto {
  return { code: r.code, name: r.name, level: r.level };
}

function toRegionPairing(m: PairingMatch): RegionPairingDto {
  return {
    side: m.side,
    partner: toRef(m.partner),
    via: toRef(m.via),
    except: m.except.map(toRef),
    pairingId: m.rule.id,
    source: m.rule.source,
    confidence: m.rule.confidence,
  };
}

function toPairingDto(p: ResolvedPairing): PairingDto {
  return {
    id: p.rule.id,
    east: toRef(p.east),
    west: toRef(p.west),
    except: p.except.map(toRef),
    ...(p.rule.since ? { since: p.rule.since } : {}),
    ...(p.rule.until ? { until: p.rule.until } : {}),
    source: p.rule.source,
    confidence: p.rule.confidence,
  };
}
