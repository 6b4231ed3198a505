import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type {
  ActivityNature,
  CollectiviteLevel,
  CollectiviteService,
  DepartementCode,
  Implantation,
  LegalForm,
  Perimeter,
  PoleStage,
  RegionCode,
  Sector,
  StructureKind,
} from '@concerto/domain';
import { numericTransformer } from '../database/numeric-transformer.js';

/** A PTCE and its profile along the characterisation grid. */
@Entity('pole')
export class Pole {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('text', { default: '' }) territory: string;
  @Column('text', { nullable: true }) regionCode: RegionCode | null;
  @Column('text', { nullable: true }) departementCode: DepartementCode | null;
  @Column('text', { default: '' }) description: string;
  @Column('text', { array: true, default: () => "'{}'" }) collectiviteLevels: CollectiviteLevel[];
  @Column('text', { array: true, default: () => "'{}'" }) collectiviteServices: CollectiviteService[];
  @Column('text', { nullable: true }) legalForm: LegalForm | null;
  @Column('text', { nullable: true }) stage: PoleStage | null;
  @Column('text', { nullable: true }) perimeter: Perimeter | null;
  @Column('text', { nullable: true }) implantation: Implantation | null;
  @Column('integer', { nullable: true }) memberStructureCount: number | null;
  @Column('text', { array: true, default: () => "'{}'" }) structureKinds: StructureKind[];
  @Column('text', { array: true, default: () => "'{}'" }) sectors: Sector[];
  @Column('text', { array: true, default: () => "'{}'" }) activityNatures: ActivityNature[];
  @Column('integer', { nullable: true }) foundedYear: number | null;
  @Column('bigint', { nullable: true, transformer: numericTransformer }) cellBudgetCents: number | null;
  @Column('numeric', { nullable: true, transformer: numericTransformer }) cellSelfFinancedPercent: number | null;
  @Column('numeric', { nullable: true, transformer: numericTransformer }) cellFte: number | null;
  @Column('integer', { nullable: true }) employeeCount: number | null;
  @Column('bigint', { nullable: true, transformer: numericTransformer }) consolidatedBudgetCents: number | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
