import type { EntityManager } from 'typeorm';
import type { RegionsService } from '@daogang/registry';
import type { PickupPointKind } from '../entities/pickup-point.entity.js';
import { choosePickupPoint } from '../fleet/pickup-point-choice.js';
import type { PlanDestination, PlanPickup, PlanRider } from '../planning/plan-types.js';

/** A placed worker waiting for transport, with what the trip needs to know of the workplace. */
interface WaitingRow {
  application_id: string;
  worker_id: string;
  household_id: string | null;
  village: string;
  township: string;
  home_county_code: string;
  start_date: string;
  employer_id: string;
  employer_name: string;
  work_county_code: string;
  lng: number | null;
  lat: number | null;
}

interface PointRow {
  id: string;
  countyCode: string;
  township: string;
  kind: PickupPointKind;
  name: string;
  lng: number;
  lat: number;
  active: boolean;
  createdAt: Date;
}

/** Placements (`placed`) starting in the window that no trip carries yet: the riders a (re-)plan places. */
export const WAITING_SQL = `
  SELECT a.id AS application_id, a.worker_id, w.household_id, w.village, w.township, w.home_county_code,
         to_char(a.start_date, 'YYYY-MM-DD') AS start_date, j.employer_id, e.name AS employer_name, j.work_county_code, j.lng, j.lat
    FROM applications a
    JOIN workers w ON w.id = a.worker_id
    JOIN job_orders j ON j.id = a.job_order_id
    JOIN employers e ON e.id = j.employer_id
   WHERE a.status = 'placed' AND a.start_date BETWEEN $1::date AND $2::date
     AND NOT EXISTS (SELECT 1 FROM trip_riders r WHERE r.application_id = a.id)
   ORDER BY a.start_date, a.id`;

export interface PlanInput {
  riders: PlanRider[];
  pickups: PlanPickup[];
  destinations: Array<PlanDestination & { employerId: string; countyCode: string }>;
  /** Riders that cannot be planned before the planner runs (no pickup point in their county, workplace unknown). */
  unplannable: Array<{ riderId: string; reason: string }>;
}

/** Reads what the planner needs from PostgreSQL: waiting riders, their boarding points, the workplaces. */
export async function loadPlanInput(manager: EntityManager, regions: RegionsService, startFrom: string, startTo: string): Promise<PlanInput> {
  const rows: WaitingRow[] = await manager.query(WAITING_SQL, [startFrom, startTo]);
  const counties = [...new Set(rows.map((r) => r.home_county_code))];
  const points: PointRow[] = counties.length
    ? await manager.query(
      `SELECT id, county_code AS "countyCode", township, kind, name, lng, lat, active, created_at AS "createdAt"
         FROM pickup_points WHERE active AND county_code = ANY($1)`,
      [counties],
    )
    : [];
  const input: PlanInput = { riders: [], pickups: [], destinations: [], unplannable: [] };
  const usedPoints = new Map<string, PointRow>();
  const destinations = new Map<string, PlanInput['destinations'][number]>();
  const byCounty = new Map<string, PointRow[]>();
  for (const p of points) byCounty.set(p.countyCode, [...(byCounty.get(p.countyCode) ?? []), p]);
  for (const row of rows) {
    const point = choosePickupPoint(byCounty.get(row.home_county_code) ?? [], row.township);
    if (!point) {
      input.unplannable.push({ riderId: row.application_id, reason: `${regions.get(row.home_county_code)?.name ?? row.home_county_code}没有上车点，请先添加` });
      continue;
    }
    const centre = regions.get(row.work_county_code)?.centre;
    const lng = row.lng ?? centre?.[0];
    const lat = row.lat ?? centre?.[1];
    if (lng === undefined || lat === undefined) {
      input.unplannable.push({ riderId: row.application_id, reason: '工作地点没有坐标，请企业补充地址' });
      continue;
    }
    // One destination per workplace: the employer at a point (rounded to ~10 m).
    const destinationId = `${row.employer_id}@${lng.toFixed(4)},${lat.toFixed(4)}`;
    if (!destinations.has(destinationId)) {
      destinations.set(destinationId, { id: destinationId, name: row.employer_name, lng, lat, employerId: row.employer_id, countyCode: row.work_county_code });
    }
    usedPoints.set(point.id, point);
    input.riders.push({
      id: row.application_id, workerId: row.worker_id, householdId: row.household_id, village: `${row.home_county_code}/${row.township}/${row.village}`,
      pickupPointId: point.id, destinationId, startDate: row.start_date,
    });
  }
  input.pickups = [...usedPoints.values()].map((p) => ({ id: p.id, name: p.name, lng: p.lng, lat: p.lat }));
  input.destinations = [...destinations.values()];
  return input;
}
