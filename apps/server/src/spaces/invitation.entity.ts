import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { SpaceRole } from '@concerto/domain';
import { Account } from '../auth/account.entity.js';
import { Space } from './space.entity.js';

/** An invitation to a space, for one e-mail address, opened through a link (no mail server needed). */
@Entity('invitation')
export class Invitation {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') spaceId: string;
  @ManyToOne(() => Space, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'space_id' })
  space: Space;
  @Column('text') email: string;
  @Column('text') role: SpaceRole;
  @Column('text') token: string;
  @Column('uuid', { nullable: true }) invitedById: string | null;
  @ManyToOne(() => Account, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'invited_by_id' })
  invitedBy: Account | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column('timestamptz') expiresAt: Date;
  @Column('timestamptz', { nullable: true }) acceptedAt: Date | null;
  @Column('uuid', { nullable: true }) acceptedById: string | null;
  @Column('timestamptz', { nullable: true }) revokedAt: Date | null;
}
