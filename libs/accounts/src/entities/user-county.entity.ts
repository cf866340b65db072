import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from './user.entity.js';

/** A county (GB/T 2260 code) assigned to a broker or officer: the scope of what they see. */
@Entity('user_counties')
export class UserCounty {
  @PrimaryColumn('uuid') userId: string;
  @Index()
  @PrimaryColumn({ type: 'char', length: 6 }) countyCode: string;
  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;
}
