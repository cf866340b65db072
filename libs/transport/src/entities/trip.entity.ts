import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { DispatchPlan } from './dispatch-plan.entity.js';
import { Vehicle } from './vehicle.entity.js';
import type { VehicleKind } from './vehicle.entity.js';

export type TripStatus = 'planned' | 'confirmed' | 'boarding' | 'departed' | 'arrived' | 'closed' | 'cancelled';
export const TRIP_STATUSES: TripStatus[] = ['planned', 'confirmed', 'boarding', 'departed', 'arrived', 'closed', 'cancelled'];

/** 车次: one bus or train car from its pickups straight to one workplace. */
@Entity('trips')
@Check('trips_status_check', `status IN ('planned','confirmed','boarding','departed','arrived','closed','cancelled')`)
@Check('trips_seats_check', `seats BETWEEN 1 AND 3000`)
@Index('trips_plan_idx', ['planId'])
@Index('trips_status_departure_idx', ['status', 'departureAt'])
export class Trip {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', nullable: true }) planId: string | null;
  @ManyToOne(() => DispatchPlan, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'plan_id' })
  plan?: DispatchPlan;

  /** A short human code printed on the manifest: 20270228-厦门-03. */
  @Column({ type: 'varchar', length: 40 }) code: string;
  @Column({ type: 'varchar', length: 12 }) status: TripStatus;
  /** Locked trips are left as they are by a re-plan. */
  @Column({ default: false }) locked: boolean;
  @Column({ type: 'varchar', length: 16 }) vehicleKind: VehicleKind;
  @Column({ type: 'smallint' }) seats: number;
  /** The chartered vehicle, once the coordinator assigns one. */
  @Column({ type: 'uuid', nullable: true }) vehicleId: string | null;
  @ManyToOne(() => Vehicle, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'vehicle_id' })
  vehicle?: Vehicle;

  /** The workplace: the employer, and where the bus stops. */
  @Column('uuid') employerId: string;
  @Column({ type: 'varchar', length: 120 }) destinationName: string;
  @Column({ type: 'char', length: 6 }) destinationCountyCode: string;
  @Column({ type: 'double precision' }) destinationLng: number;
  @Column({ type: 'double precision' }) destinationLat: number;
  /** The riders' start date: the trip arrives on or before it. */
  @Column({ type: 'date' }) startDate: string;
  @Column({ type: 'timestamptz' }) departureAt: Date;
  @Column({ type: 'timestamptz' }) arrivalAt: Date;
  @Column({ type: 'double precision' }) km: number;
  /** The coordinator in charge (phone shown to riders). */
  @Column({ type: 'uuid', nullable: true }) coordinatorId: string | null;
  @Column({ type: 'timestamptz', nullable: true }) confirmedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) departedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) arrivedAt: Date | null;
  @Column({ type: 'varchar', length: 200, default: '' }) cancelReason: string;

  @VersionColumn() version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
