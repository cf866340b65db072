import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PickupPoint } from './pickup-point.entity.js';
import { Trip } from './trip.entity.js';

/** A stop of a trip in order: pickups first, the workplace last. */
@Entity('trip_stops')
@Check('trip_stops_kind_check', `kind IN ('pickup','destination')`)
@Index('trip_stops_order_idx', ['tripId', 'seq'], { unique: true })
export class TripStop {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') tripId: string;
  @ManyToOne(() => Trip, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'trip_id' })
  trip?: Trip;
  @Column({ type: 'smallint' }) seq: number;
  @Column({ type: 'varchar', length: 12 }) kind: 'pickup' | 'destination';
  @Column({ type: 'uuid', nullable: true }) pickupPointId: string | null;
  @ManyToOne(() => PickupPoint, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'pickup_point_id' })
  pickupPoint?: PickupPoint;
  @Column({ type: 'varchar', length: 120 }) name: string;
  @Column({ type: 'double precision' }) lng: number;
  @Column({ type: 'double precision' }) lat: number;
  @Column({ type: 'timestamptz' }) eta: Date;
}
