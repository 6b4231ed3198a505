import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { SpaceRole } from '@concerto/domain';
import { Account } from '../auth/account.entity.js';
import { Space } from './space.entity.js';

@Entity('space_membership')
export class SpaceMembership {
  @PrimaryColumn('uuid') spaceId: string;
  @PrimaryColumn('uuid') accountId: string;
  @ManyToOne(() => Space, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'space_id' })
  space: Space;
  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account: Account;
  @Column('text') role: SpaceRole;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
