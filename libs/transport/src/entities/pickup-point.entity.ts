import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type PickupPointKind = 'county_station' | 'township_point' | 'railway_station';
export const PICKUP_POINT_KINDS: PickupPointKind[] = ['county_station', 'township_point', 'railway_station'];

/** 上车点: a county bus station, a township point or a railway station where riders board. */
@Entity('pickup_points')
@Check('pickup_points_kind_check', `kind IN ('county_station','township_point','railway_station')`)
@Index('pickup_points_county_idx', ['countyCode', 'township'])
export class PickupPoint {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'char', length: 6 }) countyCode: string;
  /** The township it serves ('' for a county-wide point): workers of that township board here. */
  @Column({ type: 'varchar', length: 64, default: '' }) township: string;
  @Column({ type: 'varchar', length: 64 }) name: string;
  @Column({ type: 'varchar', length: 16 }) kind: PickupPointKind;
  @Column({ type: 'double precision' }) lng: number;
  @Column({ type: 'double precision' }) lat: number;
  @Column({ type: 'varchar', length: 200, default: '' }) address: string;
  @Column({ default: true }) active: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
