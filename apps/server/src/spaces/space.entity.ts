import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Pole } from '../poles/pole.entity.js';

/** A persistent concertation space of a pole. */
@Entity('space')
export class Space {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') poleId: string;
  @ManyToOne(() => Pole, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'pole_id' })
  pole: Pole;
  @Column('text') title: string;
  @Column('text', { default: '' }) description: string;
  @Column('uuid', { nullable: true }) createdById: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
