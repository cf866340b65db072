import { mkdirSync, writeFileSync } from 'node:fs';
import { RegionsService } from '@daogang/registry';
import { GreatCircleDistance } from '@daogang/transport/distance/great-circle.distance.js';
import { planViolations } from '@daogang/transport/planning/plan-check.js';
import { DEFAULT_PLAN_OPTIONS, type PlanOptions, type PlanResult } from '@daogang/transport/planning/plan-types.js';
import { planTrips } from '@daogang/transport/planning/planner.js';
import { groupBounds } from './bounds.js';
import { generateInstance, smallInstance, type Instance } from './generate.js';
import { milpOptimum } from './milp.js';

/**
 * bench/dispatch: the transport planner (issue 7) on generated instances of 500, 5,000 and 20,000 riders — vehicles
 * against the lower bound Σ ⌈riders / largest seats⌉ over destination-and-date groups, kilometres, wall time — and on
 * small instances against the exact optimum of an MILP (HiGHS) computed in the same run. Every plan is checked against
 * every rule by plan-check. See README.md.
 */
const SIZES = (process.env.BENCH_DISPATCH_SIZES ?? '500,5000,20000').split(',').filter(Boolean).map(Number);
const SMALL = Number(process.env.BENCH_DISPATCH_SMALL ?? 12);
/** Instances whose groups are each solved exactly (vehicles only, maxEarlyDays 0): where the lower bound's gap lies. */
const GROUP_OPTIMA = (process.env.BENCH_DISPATCH_GROUP_OPTIMA ?? '500').split(',').filter(Boolean).map(Number);
const GROUP_SECONDS = Number(process.env.BENCH_DISPATCH_GROUP_SECONDS ?? 20);
const TARGET_RATIO = 1.02;
const TARGET_KM_RATIO = 1.05;
const TARGET_MS = 10_000;

const log = (message: string) => process.stderr.write(`[bench/dispatch ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
const fmt = (v: number, digits = 0) => v.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

interface Row {
  figure: string;
  measured: string;
  target?: string;
  pass?: boolean;
}

function plan(instance: Instance, options: PlanOptions, distance: GreatCircleDistance): { result: PlanResult; wallMs: number; violations: string[] } {
  const started = performance.now();
  const result = planTrips(instance.riders, instance.pickups, instance.destinations, options, distance);
  const wallMs = performance.now() - started;
  const violations = planViolations(instance.riders, instance.pickups, instance.destinations, options, distance, result);
  return { result, wallMs, violations };
}

function table(header: string[], lines: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...lines.map((l) => l[c].length)));
  const row = (cells: string[]) => `| ${cells.map((x, c) => x.padEnd(widths[c])).join(' | ')} |`;
  return [row(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(row)].join('\n');
}

async function main(): Promise<void> {
  const regions = new RegionsService();
  const distance = new GreatCircleDistance();
  const rows: Row[] = [];
  const json: Record<string, unknown> = { options: DEFAULT_PLAN_OPTIONS, roadFactor: distance.roadFactor, large: [], small: [] };
  const large: string[][] = [];

  for (const size of SIZES) {
    const instance = generateInstance(regions, size);
    log(`${instance.name}: ${instance.pickups.length} pickup points, ${instance.destinations.length} employers`);
    const startOf = new Map(instance.riders.map((r) => [r.id, r.startDate]));
    const bounds = groupBounds(instance.riders, instance.pickups, instance.destinations, { ...DEFAULT_PLAN_OPTIONS, maxEarlyDays: 0 }, distance);
    for (const maxEarlyDays of [DEFAULT_PLAN_OPTIONS.maxEarlyDays, 0]) {
      const options = { ...DEFAULT_PLAN_OPTIONS, maxEarlyDays };
      const { result, wallMs, violations } = plan(instance, options, distance);
      const ratio = result.vehicles / result.lowerBound;
      const shared = result.trips.filter((t) => t.stops.length > 1).length;
      const early = result.trips.filter((t) => t.stops.some((s) => s.riderIds.some((id) => startOf.get(id) !== t.startDate))).length;
      log(`  maxEarlyDays ${maxEarlyDays}: ${result.vehicles} vehicles (bound ${result.lowerBound}), ${fmt(result.km)} km, ${fmt(wallMs)} ms, ${violations.length} rule violations`);
      for (const v of violations.slice(0, 5)) log(`    ${v}`);
      const isDefault = maxEarlyDays === DEFAULT_PLAN_OPTIONS.maxEarlyDays;
      large.push([
        instance.name,
        String(maxEarlyDays),
        fmt(bounds.groups),
        fmt(result.lowerBound),
        maxEarlyDays === 0 ? fmt(bounds.combined) : '–',
        fmt(result.vehicles),
        ratio.toFixed(3),
        isDefault ? `${verdict(ratio <= TARGET_RATIO)} (≤ ${TARGET_RATIO})` : 'info',
        maxEarlyDays === 0 ? (result.vehicles / bounds.combined).toFixed(3) : '–',
        fmt(result.km),
        fmt(wallMs),
        verdict(wallMs <= TARGET_MS),
        violations.length ? `FAIL (${violations.length})` : 'PASS',
      ]);
      (json.large as unknown[]).push({
        riders: size, maxEarlyDays, groups: bounds.groups, lowerBound: result.lowerBound, stopAndRideBound: bounds.combined, vehicles: result.vehicles,
        ratio, km: result.km, wallMs: Math.round(wallMs), sharedVehicles: shared, vehiclesWithEarlyRiders: early, unplanned: result.unplanned.length, violations: violations.length,
      });
      if (isDefault) rows.push({ figure: `${instance.name}: vehicles ÷ lower bound`, measured: ratio.toFixed(3), target: `≤ ${TARGET_RATIO}`, pass: ratio <= TARGET_RATIO });
      rows.push({ figure: `${instance.name}, maxEarlyDays ${maxEarlyDays}: wall time`, measured: `${fmt(wallMs)} ms`, target: `≤ ${fmt(TARGET_MS)} ms`, pass: wallMs <= TARGET_MS });
      rows.push({ figure: `${instance.name}, maxEarlyDays ${maxEarlyDays}: rules kept (plan-check)`, measured: `${violations.length} violations`, target: '0', pass: !violations.length });
    }
  }

  const perGroup: string[][] = [];
  for (const size of GROUP_OPTIMA) {
    const instance = generateInstance(regions, size);
    const options = { ...DEFAULT_PLAN_OPTIONS, maxEarlyDays: 0 };
    const groups = new Map<string, typeof instance.riders>();
    for (const r of instance.riders) groups.set(`${r.destinationId}|${r.startDate}`, [...(groups.get(`${r.destinationId}|${r.startDate}`) ?? []), r]);
    let solved = 0;
    let equal = 0;
    let planner = 0;
    let optimum = 0;
    let seats = 0;
    const started = performance.now();
    for (const riders of groups.values()) {
      const counts = new Map<string, number>();
      for (const r of riders) counts.set(r.pickupPointId, (counts.get(r.pickupPointId) ?? 0) + 1);
      const points = instance.pickups.filter((p) => counts.has(p.id)).map((p) => ({ lng: p.lng, lat: p.lat, riders: counts.get(p.id)! }));
      const destination = instance.destinations.find((d) => d.id === riders[0].destinationId)!;
      const result = planTrips(riders, instance.pickups, instance.destinations, options, distance);
      const exact = await milpOptimum({ destination, points }, options, distance, { vehiclesOnly: true, seconds: GROUP_SECONDS });
      if (exact.status !== 'Optimal') continue;
      solved++;
      if (result.vehicles === exact.vehicles) equal++;
      planner += result.vehicles;
      optimum += exact.vehicles;
      seats += result.lowerBound;
    }
    log(`${instance.name}: ${solved} of ${groups.size} groups solved exactly in ${fmt((performance.now() - started) / 1000)} s`);
    perGroup.push([instance.name, `${solved} of ${groups.size}`, fmt(seats), fmt(optimum), (optimum / seats).toFixed(3), fmt(planner), `${equal} of ${solved}`]);
    (json as Record<string, unknown>)[`groupOptima${size}`] = { groups: groups.size, solved, equal, planner, optimum, seatBound: seats };
    rows.push({ figure: `${instance.name}: planner vehicles = exact optimum, per group`, measured: `${equal} of ${solved} groups`, target: `${solved} of ${solved}`, pass: equal === solved });
  }

  const small: string[][] = [];
  let heuristicKm = 0;
  let optimumKm = 0;
  let vehiclesMatch = 0;
  for (let k = 0; k < SMALL; k++) {
    const instance = smallInstance(regions, k);
    const options = { ...DEFAULT_PLAN_OPTIONS, maxEarlyDays: 0, maxStops: instance.maxStops };
    const { result, violations } = plan(instance, options, distance);
    const counts = new Map<string, number>();
    for (const r of instance.riders) counts.set(r.pickupPointId, (counts.get(r.pickupPointId) ?? 0) + 1);
    const optimum = await milpOptimum(
      { destination: instance.destinations[0], points: instance.pickups.filter((p) => counts.has(p.id)).map((p) => ({ lng: p.lng, lat: p.lat, riders: counts.get(p.id)! })) },
      options,
      distance,
    );
    const kmRatio = result.km / optimum.km;
    const ok = result.vehicles === optimum.vehicles && kmRatio <= TARGET_KM_RATIO && !violations.length;
    if (result.vehicles === optimum.vehicles) {
      vehiclesMatch++;
      heuristicKm += result.km;
      optimumKm += optimum.km;
    }
    log(`${instance.name}: planner ${result.vehicles} vehicles ${fmt(result.km)} km, optimum ${optimum.vehicles} vehicles ${fmt(optimum.km)} km (${optimum.status}, ${fmt(optimum.ms)} ms)`);
    small.push([
      instance.name, fmt(instance.riders.length), String(counts.size), String(options.maxStops), `${result.vehicles} / ${optimum.vehicles}`,
      fmt(result.km), fmt(optimum.km), kmRatio.toFixed(4), verdict(ok), fmt(optimum.routes), (optimum.ms / 1000).toFixed(1),
    ]);
    (json.small as unknown[]).push({ riders: instance.riders.length, points: counts.size, maxStops: options.maxStops, vehicles: result.vehicles, optimumVehicles: optimum.vehicles, km: result.km, optimumKm: optimum.km, status: optimum.status, routes: optimum.routes, milpMs: Math.round(optimum.ms), violations: violations.length });
  }
  if (SMALL) {
    rows.push({ figure: `small instances: vehicles = optimum`, measured: `${vehiclesMatch} of ${SMALL}`, target: `${SMALL} of ${SMALL}`, pass: vehiclesMatch === SMALL });
    rows.push({ figure: `small instances: km ÷ optimum km (Σ)`, measured: (heuristicKm / optimumKm).toFixed(4), target: `≤ ${TARGET_KM_RATIO}`, pass: heuristicKm / optimumKm <= TARGET_KM_RATIO });
  }

  console.log('\nLarge instances (default options; maxEarlyDays 0 for comparison, where the lower bound is a true bound)\n');
  console.log(table(
    ['instance', 'early days', 'groups', 'lower bound', 'stop+ride bound', 'vehicles', '÷ bound', 'target', '÷ stop+ride', 'km', 'wall ms', '≤ 10 s', 'rules'],
    large,
  ));
  if (SMALL) {
    console.log('\nSmall instances against the exact optimum (HiGHS MILP over enumerated routes; households ignored by the MILP)\n');
    console.log(table(['instance', 'riders', 'points', 'maxStops', 'vehicles planner / optimum', 'km planner', 'km optimum', 'ratio', '≤ 1.05', 'MILP routes', 'MILP s'], small));
  }
  if (perGroup.length) {
    console.log(`\nExact optimum per destination-and-date group (maxEarlyDays 0; MILP vehicles only, ${GROUP_SECONDS} s per group)\n`);
    console.log(table(['instance', 'groups solved', 'lower bound (seats)', 'optimum', 'optimum ÷ bound', 'planner', 'planner = optimum'], perGroup));
  }
  console.log('\nTargets\n');
  console.log(table(['figure', 'measured', 'target', ''], rows.map((r) => [r.figure, r.measured, r.target ?? '', r.pass === undefined ? '' : verdict(r.pass)])));
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/bench-dispatch.json', JSON.stringify({ ...json, targets: rows }, null, 2));
  const failed = rows.filter((r) => r.pass === false);
  console.log(failed.length ? `\n${failed.length} target(s) missed` : '\nall targets met');
  process.exitCode = failed.length ? 1 : 0;
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
