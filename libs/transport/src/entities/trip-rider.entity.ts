import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Trip } from './trip.entity.js';
import { TripStop } from './trip-stop.entity.js';

export type RiderStatus = 'assigned' | 'boarded' | 'no_show' | 'arrived';

/** 乘车人: one placed worker on one trip, with a seat and a pickup stop. A placement rides one trip at a time. */
@Entity('trip_riders')
@Check('trip_riders_status_check', `status IN ('assigned','boarded','no_show','arrived')`)
@Index('trip_riders_application_idx', ['applicationId'], { unique: true })
@Index('trip_riders_seat_idx', ['tripId', 'seat'], { unique: true })
@Index('trip_riders_worker_idx', ['workerId'])
export class TripRider {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') tripId: string;
  @ManyToOne(() => Trip, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'trip_id' })
  trip?: Trip;
  @Column('uuid') applicationId: string;
  @Column('uuid') workerId: string;
  @Column('uuid') pickupStopId: string;
  @ManyToOne(() => TripStop, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'pickup_stop_id' })
  pickupStop?: TripStop;
  @Column({ type: 'smallint' }) seat: number;
  @Column({ type: 'varchar', length: 10, default: 'assigned' }) status: RiderStatus;
  @Column({ type: 'timestamptz', nullable: true }) boardedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) arrivedAt: Date | null;
}
