import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Account } from './account.entity.js';

/** A signed-in browser: the cookie holds a random token, the table only its SHA-256. */
@Entity('auth_session')
export class AuthSession {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') tokenHash: string;
  @Column('uuid') accountId: string;
  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account: Account;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column('timestamptz') expiresAt: Date;
  @Column('timestamptz', { nullable: true }) revokedAt: Date | null;
  @Column('text', { default: '' }) userAgent: string;
  @Column('text', { default: '' }) ip: string;
}
