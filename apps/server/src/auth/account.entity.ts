import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Locale } from '@concerto/domain';
import { Organisation } from '../organisations/organisation.entity.js';

@Entity('account')
export class Account {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') email: string;
  @Column('text', { select: false }) passwordHash: string;
  @Column('text') displayName: string;
  @Column('text', { default: 'fr' }) locale: Locale;
  @Column('uuid', { nullable: true }) organisationId: string | null;
  @ManyToOne(() => Organisation, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'organisation_id' })
  organisation: Organisation | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
