/**
 * The exact optimum of one destination-and-date group, by MILP (HiGHS, the `highs` npm package: the solver compiled to
 * WebAssembly, no install script, no native add-on), written independently of the planner's code.
 *
 * Set partitioning over enumerated routes: every non-empty set of at most maxStops pickup points, visited in the best
 * order ending at the destination (all permutations), kept when its ride time (driving minutes rounded up per leg,
 * plus the dwell at every stop — the planner's rule) is within maxRideHours. Integer x_r vehicles on route r and
 * integer y_rp riders of point p on route r: Σ_r y_rp = n_p for every p, Σ_p y_rp ≤ C · x_r for every r. First
 * min Σ x_r (vehicles), then min Σ km_r · x_r with Σ x_r fixed at that minimum. Households are ignored (riders may be
 * split at will), so this optimum is a lower bound for the planner, which never splits a household.
 */
import highsModule from 'highs';
import type { DistancePort, LngLat } from '@daogang/transport/distance/distance.port.js';
import type { PlanOptions } from '@daogang/transport/planning/plan-types.js';

export interface MilpGroup {
  destination: LngLat;
  points: Array<LngLat & { riders: number }>;
}

export interface MilpOptimum {
  vehicles: number;
  km: number;
  routes: number;
  status: string;
  ms: number;
  /** Routes used: point indices in visiting order, vehicles on it, riders per point. */
  used?: Array<{ points: number[]; vehicles: number; riders: number[] }>;
}

// The package's types describe its CommonJS build (module.exports.default); its ESM build exports the loader as default.
type Loader = typeof highsModule.default;
const loadHighs: Loader = (highsModule as unknown as { default?: Loader }).default ?? (highsModule as unknown as Loader);
type Highs = Awaited<ReturnType<Loader>>;
let highs: Highs | undefined;

interface Route {
  points: number[];
  km: number;
}

function enumerateRoutes(group: MilpGroup, options: PlanOptions, distance: DistancePort): Route[] {
  const n = group.points.length;
  const d = (a: number, b: number) => distance.km(a < 0 ? group.destination : group.points[a], b < 0 ? group.destination : group.points[b]);
  const routes: Route[] = [];
  const best = (set: number[]): { km: number; minutes: number } => {
    let bestKm = Infinity;
    let bestMinutes = Infinity;
    const permute = (order: number[], rest: number[]) => {
      if (!rest.length) {
        let km = 0;
        let minutes = order.length * options.dwellMinutes;
        for (let k = 0; k < order.length; k++) {
          const leg = d(order[k], k + 1 < order.length ? order[k + 1] : -1);
          km += leg;
          minutes += Math.ceil((leg / options.speedKmh) * 60 - 1e-9);
        }
        if (km < bestKm) {
          bestKm = km;
          bestMinutes = minutes;
        }
        return;
      }
      rest.forEach((p, i) => permute([...order, p], [...rest.slice(0, i), ...rest.slice(i + 1)]));
    };
    permute([], set);
    return { km: bestKm, minutes: bestMinutes };
  };
  for (let mask = 1; mask < 1 << n; mask++) {
    const set: number[] = [];
    for (let p = 0; p < n; p++) if (mask & (1 << p)) set.push(p);
    if (set.length > options.maxStops) continue;
    const { km, minutes } = best(set);
    if (minutes <= options.maxRideHours * 60) routes.push({ points: set, km });
  }
  return routes;
}

/**
 * Solves one group exactly (status 'Optimal'), or says it ran out of time; fast up to about 12 points, minutes above
 * 15. `vehiclesOnly`: the first stage alone.
 */
export async function milpOptimum(
  group: MilpGroup,
  options: PlanOptions,
  distance: DistancePort,
  { vehiclesOnly = false, seconds = 60 }: { vehiclesOnly?: boolean; seconds?: number } = {},
): Promise<MilpOptimum> {
  const started = performance.now();
  highs ??= await loadHighs();
  const C = Math.max(...options.seats);
  const routes = enumerateRoutes(group, options, distance);
  const lines = (terms: string[]) => terms.reduce<string[]>((out, t, i) => (i % 8 === 0 ? [...out, t] : [...out.slice(0, -1), `${out[out.length - 1]} ${t}`]), []).join('\n   ');
  const model = (objective: string[], extra: string[]) => {
    const rows: string[] = [...extra];
    group.points.forEach((p, i) => {
      const terms = routes.flatMap((r, k) => (r.points.includes(i) ? [`+ y_${k}_${i}`] : []));
      rows.push(` n_${i}: ${lines(terms)} = ${p.riders}`);
    });
    routes.forEach((r, k) => rows.push(` c_${k}: ${lines([...r.points.map((i) => `+ y_${k}_${i}`), `- ${C} x_${k}`])} <= 0`));
    const ints = routes.flatMap((r, k) => [`x_${k}`, ...r.points.map((i) => `y_${k}_${i}`)]);
    return `Minimize\n obj: ${lines(objective)}\nSubject To\n${rows.join('\n')}\nGenerals\n ${lines(ints)}\nEnd\n`;
  };
  const vehicleTerms = routes.map((_, k) => `+ x_${k}`);
  const first = highs.solve(model(vehicleTerms, []), { output_flag: false, mip_rel_gap: 0, time_limit: seconds });
  if (first.Status !== 'Optimal') return { vehicles: NaN, km: NaN, routes: routes.length, status: first.Status, ms: performance.now() - started };
  const vehicles = Math.round(first.ObjectiveValue);
  if (vehiclesOnly) return { vehicles, km: NaN, routes: routes.length, status: first.Status, ms: performance.now() - started };
  const kmTerms = routes.map((r, k) => `+ ${r.km.toFixed(6)} x_${k}`);
  const second = highs.solve(model(kmTerms, [` v: ${lines(vehicleTerms)} <= ${vehicles}`]), {
    output_flag: false,
    mip_rel_gap: 0,
    mip_abs_gap: 1e-6,
    time_limit: 2 * seconds,
  });
  const primal = (name: string) => {
    const column = second.Columns[name] as { Primal?: number } | undefined;
    return Math.round(column?.Primal ?? 0);
  };
  const used = routes.flatMap((r, k) => {
    const x = primal(`x_${k}`);
    return x ? [{ points: r.points, vehicles: x, riders: r.points.map((i) => primal(`y_${k}_${i}`)) }] : [];
  });
  return { vehicles, km: second.ObjectiveValue, routes: routes.length, status: second.Status, ms: performance.now() - started, used };
}
