import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type VehicleKind = 'bus' | 'train_car' | 'special_train';
export const VEHICLE_KINDS: VehicleKind[] = ['bus', 'train_car', 'special_train'];

/** 包车 / 专列车厢: a chartered bus (33/45/53 seats), a train car or a whole special train of N seats. */
@Entity('vehicles')
@Check('vehicles_kind_check', `kind IN ('bus','train_car','special_train')`)
@Check('vehicles_seats_check', `seats BETWEEN 1 AND 3000`)
export class Vehicle {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 16 }) kind: VehicleKind;
  @Column({ type: 'smallint' }) seats: number;
  @Column({ type: 'varchar', length: 64 }) operator: string;
  /** Plate (甘N·12345) or train number (K1234 / 专列 Y501). */
  @Column({ type: 'varchar', length: 32 }) plateOrTrainNo: string;
  @Column({ type: 'varchar', length: 32, default: '' }) driverName: string;
  @Column({ type: 'text', nullable: true }) driverMobileEncrypted: string | null;
  @Column({ type: 'varchar', length: 11, nullable: true }) driverMobileMasked: string | null;
  /** 分/公里 */
  @Column({ type: 'int', default: 0 }) costPerKmFen: number;
  @Column({ default: true }) active: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
