import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CollectiviteLevel, OrganisationKind, StructureKind } from '@concerto/domain';

@Entity('organisation')
export class Organisation {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') kind: OrganisationKind;
  @Column('text') name: string;
  @Column('text', { default: '' }) territory: string;
  @Column('text', { nullable: true }) collectiviteLevel: CollectiviteLevel | null;
  @Column('text', { nullable: true }) structureKind: StructureKind | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
