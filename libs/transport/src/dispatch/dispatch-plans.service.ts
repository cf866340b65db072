import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser, ConflictError, NotFoundError, PlanTripsPayload, QueueName, TransportJob, ValidationFailedError } from '@daogang/platform';
import { RegionsService } from '@daogang/registry';
import type { Queue } from 'bullmq';
import type { DataSource, EntityManager } from 'typeorm';
import { DistancePort } from '../distance/distance.port.js';
import { DispatchPlan } from '../entities/dispatch-plan.entity.js';
import { Trip } from '../entities/trip.entity.js';
import { TripRider } from '../entities/trip-rider.entity.js';
import { TripStop } from '../entities/trip-stop.entity.js';
import { DEFAULT_PLAN_OPTIONS, PlanOptions, PlanResult } from '../planning/plan-types.js';
import { planTrips } from '../planning/planner.js';
import type { CreatePlanDto, DispatchPlanDto, UnassignedGroupDto } from './dto/dispatch.dto.js';
import { loadPlanInput, PlanInput, WAITING_SQL } from './plan-input.js';

const MAX_WINDOW_DAYS = 31;

/**
 * 输转计划: a coordinator asks for a plan over the placements starting in a window; the `transport` queue's PlanTrips
 * job builds the draft trips (progress reported on the job and the plan). A re-plan keeps every locked or confirmed
 * trip as it is and plans the riders that no trip carries — late riders and those of dropped draft trips.
 */
@Injectable()
export class DispatchPlansService {
  private readonly logger = new Logger(DispatchPlansService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Transport) private readonly queue: Queue,
    private readonly regions: RegionsService,
    private readonly distance: DistancePort,
  ) {}

  async create(user: AuthUser, dto: CreatePlanDto): Promise<DispatchPlanDto> {
    const days = (Date.parse(dto.startTo) - Date.parse(dto.startFrom)) / 86_400_000;
    if (days < 0) throw new ValidationFailedError([{ field: 'startTo', message: '结束日期不能早于开始日期' }]);
    if (days > MAX_WINDOW_DAYS) throw new ValidationFailedError([{ field: 'startTo', message: `一次最多规划${MAX_WINDOW_DAYS}天` }]);
    // DTO fields left out arrive as own properties set to undefined (class fields): keep the defaults for those.
    const given = Object.fromEntries(Object.entries(dto.options ?? {}).filter(([, v]) => v !== undefined));
    const options: PlanOptions = { ...DEFAULT_PLAN_OPTIONS, ...given };
    options.seats = [...new Set(options.seats)].sort((a, b) => b - a);
    const repo = this.dataSource.getRepository(DispatchPlan);
    const plan = await repo.save(repo.create({
      status: 'queued', startFrom: dto.startFrom, startTo: dto.startTo, options: options as unknown as Record<string, unknown>,
      progress: 0, summary: null, error: '', createdBy: user.id,
    }));
    await this.enqueue(plan.id);
    return toDto(plan);
  }

  /** Plans again what is not locked: for late riders, or after riders were taken off trips. */
  async replan(_user: AuthUser, id: string): Promise<DispatchPlanDto> {
    const repo = this.dataSource.getRepository(DispatchPlan);
    const plan = await repo.findOneBy({ id });
    if (!plan) throw new NotFoundError('输转计划', id);
    if (plan.status === 'queued' || plan.status === 'planning') throw new ConflictError('计划正在生成中，请稍候', { reason: 'PLAN_RUNNING' });
    await repo.update({ id }, { status: 'queued', progress: 0, error: '' });
    await this.enqueue(id);
    return toDto({ ...plan, status: 'queued', progress: 0, error: '' });
  }

  async get(id: string): Promise<DispatchPlanDto> {
    const plan = await this.dataSource.getRepository(DispatchPlan).findOneBy({ id });
    if (!plan) throw new NotFoundError('输转计划', id);
    return toDto(plan);
  }

  async list(): Promise<DispatchPlanDto[]> {
    const plans = await this.dataSource.getRepository(DispatchPlan).find({ order: { createdAt: 'DESC' }, take: 50 });
    return plans.map(toDto);
  }

  /** The dispatch board's left column: placed workers no trip carries yet, by workplace and start date. */
  async unassigned(startFrom: string, startTo: string): Promise<UnassignedGroupDto[]> {
    const rows: Array<{ application_id: string; worker_id: string; home_county_code: string; township: string; start_date: string; employer_id: string; employer_name: string; work_county_code: string }>
      = await this.dataSource.query(WAITING_SQL, [startFrom, startTo]);
    const names = new Map<string, string>(
      rows.length ? (await this.dataSource.query('SELECT id, name FROM workers WHERE id = ANY($1)', [rows.map((r) => r.worker_id)])).map((w: { id: string; name: string }) => [w.id, w.name]) : [],
    );
    const groups = new Map<string, UnassignedGroupDto>();
    for (const r of rows) {
      const key = `${r.employer_id}|${r.start_date}`;
      if (!groups.has(key)) {
        groups.set(key, {
          employerId: r.employer_id, employerName: r.employer_name, startDate: r.start_date, riders: 0, people: [],
          workPlace: this.regions.fullName(r.work_county_code),
        });
      }
      const g = groups.get(key)!;
      g.riders++;
      g.people.push({ applicationId: r.application_id, name: names.get(r.worker_id) ?? '', homeCounty: this.regions.get(r.home_county_code)?.name ?? r.home_county_code, township: r.township });
    }
    return [...groups.values()];
  }

  /**
   * The PlanTrips job: in one transaction (the plan row locked, so two runs never interleave) drop the plan's draft
   * trips that are not locked, plan every waiting rider of the window, write trips, stops and riders.
   */
  async run(planId: string, progress: (percent: number) => Promise<void> | void = () => undefined): Promise<DispatchPlanDto> {
    const started = Date.now();
    try {
      return await this.dataSource.transaction(async (manager) => {
        const plan = await manager.getRepository(DispatchPlan).findOne({ where: { id: planId }, lock: { mode: 'pessimistic_write' } });
        if (!plan) throw new NotFoundError('输转计划', planId);
        await manager.getRepository(DispatchPlan).update({ id: planId }, { status: 'planning', progress: 0 });
        await manager.query(`DELETE FROM trips WHERE plan_id = $1 AND status = 'planned' AND NOT locked`, [planId]);
        const input = await loadPlanInput(manager, this.regions, plan.startFrom, plan.startTo);
        const options = { ...DEFAULT_PLAN_OPTIONS, ...(plan.options as Partial<PlanOptions>) };
        let last = 0;
        const result = planTrips(input.riders, input.pickups, input.destinations, options, this.distance, (p) => {
          if (p - last >= 10) {
            last = p;
            void progress(Math.round(p * 0.9));
          }
        });
        await this.writeTrips(manager, plan, input, result);
        const unplanned = await this.named(manager, [...input.unplannable, ...result.unplanned]);
        const summary = {
          vehicles: result.vehicles, lowerBound: result.lowerBound, km: Math.round(result.km), riders: input.riders.length + input.unplannable.length,
          planned: input.riders.length - result.unplanned.length, unplanned,
          plannerMs: Math.round(result.ms), totalMs: Date.now() - started,
        };
        await manager.getRepository(DispatchPlan).update({ id: planId }, { status: 'draft', progress: 100, summary, error: '' });
        await progress(100);
        return toDto({ ...plan, status: 'draft', progress: 100, summary, error: '' });
      });
    } catch (error) {
      this.logger.warn(`plan ${planId} failed: ${(error as Error).message}`);
      await this.dataSource.getRepository(DispatchPlan).update({ id: planId }, { status: 'failed', error: (error as Error).message.slice(0, 300) });
      throw error;
    }
  }

  private async writeTrips(manager: EntityManager, plan: DispatchPlan, input: PlanInput, result: PlanResult): Promise<void> {
    const pickups = new Map(input.pickups.map((p) => [p.id, p]));
    const destinations = new Map(input.destinations.map((d) => [d.id, d]));
    const workerOf = new Map(input.riders.map((r) => [r.id, r.workerId]));
    // Numbers continue after the trips the plan keeps (locked, confirmed), so codes stay unique within the plan.
    const [{ kept }] = await manager.query('SELECT count(*)::int AS kept FROM trips WHERE plan_id = $1', [plan.id]);
    let n: number = kept;
    for (const planned of result.trips) {
      const destination = destinations.get(planned.destinationId)!;
      const city = this.regions.county(destination.countyCode)?.city.name.replace(/市$/, '') ?? '';
      const trip = await manager.getRepository(Trip).save(manager.getRepository(Trip).create({
        planId: plan.id, code: `${planned.startDate.slice(5).replace('-', '')}-${city}-${String(++n).padStart(2, '0')}`,
        status: 'planned', locked: false, vehicleKind: planned.seats > 70 ? 'train_car' : 'bus', seats: planned.seats, vehicleId: null,
        employerId: destination.employerId, destinationName: destination.name, destinationCountyCode: destination.countyCode,
        destinationLng: destination.lng, destinationLat: destination.lat, startDate: planned.startDate,
        departureAt: new Date(planned.departureAt), arrivalAt: new Date(planned.arrivalAt), km: planned.km,
        coordinatorId: null, confirmedAt: null, departedAt: null, arrivedAt: null,
      }));
      const stops = planned.stops.map((s, i) => {
        const point = pickups.get(s.pickupPointId)!;
        return manager.getRepository(TripStop).create({
          tripId: trip.id, seq: i + 1, kind: 'pickup', pickupPointId: point.id, name: point.name, lng: point.lng, lat: point.lat, eta: new Date(s.eta),
        });
      });
      stops.push(manager.getRepository(TripStop).create({
        tripId: trip.id, seq: stops.length + 1, kind: 'destination', pickupPointId: null, name: destination.name,
        lng: destination.lng, lat: destination.lat, eta: new Date(planned.arrivalAt),
      }));
      const saved = await manager.getRepository(TripStop).save(stops);
      let seat = 0;
      const riders = planned.stops.flatMap((s, i) => s.riderIds.map((riderId) => manager.getRepository(TripRider).create({
        tripId: trip.id, applicationId: riderId, workerId: workerOf.get(riderId)!, pickupStopId: saved[i].id, seat: ++seat,
        status: 'assigned', boardedAt: null, arrivedAt: null,
      })));
      if (riders.length) await manager.getRepository(TripRider).save(riders, { chunk: 200 });
    }
  }

  /** Unplanned riders with the worker's name, for the board. */
  private async named(manager: EntityManager, unplanned: Array<{ riderId: string; reason: string }>): Promise<Array<{ riderId: string; name: string; reason: string }>> {
    if (!unplanned.length) return [];
    const rows: Array<{ id: string; name: string }> = await manager.query(
      'SELECT a.id, w.name FROM applications a JOIN workers w ON w.id = a.worker_id WHERE a.id = ANY($1)', [unplanned.map((u) => u.riderId)],
    );
    const names = new Map(rows.map((r) => [r.id, r.name]));
    return unplanned.map((u) => ({ riderId: u.riderId, name: names.get(u.riderId) ?? '', reason: u.reason }));
  }

  private async enqueue(planId: string): Promise<void> {
    const payload: PlanTripsPayload = { planId };
    await this.queue.add(TransportJob.PlanTrips, payload, { jobId: `plan-${planId}-${Date.now()}` });
  }
}

function toDto(p: DispatchPlan): DispatchPlanDto {
  return {
    id: p.id, status: p.status, startFrom: p.startFrom, startTo: p.startTo, options: p.options, progress: p.progress,
    ...(p.summary ? { summary: p.summary } : {}), error: p.error,
    createdAt: p.createdAt.toISOString(), updatedAt: (p.updatedAt ?? p.createdAt).toISOString(),
  };
}
