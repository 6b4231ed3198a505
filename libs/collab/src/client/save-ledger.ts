/**
 * Which local changes the server holds durably. A change is numbered when it is made; it is saved when the server
 * acknowledged the update carrying it, or a state diff computed after it (which carries everything made before).
 * Nothing else moves it: a refused update leaves a hole that only a later acknowledged diff fills, so "saved" can
 * never pass a change the server does not have.
 */
export class SaveLedger {
  private made = 0;
  /** Every change up to this one is saved. */
  private covered = 0;
  /** Changes above `covered` acknowledged one by one. */
  private readonly ahead = new Set<number>();

  get localVersion(): number {
    return this.made;
  }

  get savedVersion(): number {
    return this.covered;
  }

  get allSaved(): boolean {
    return this.covered >= this.made;
  }

  /** A new local change; returns its number. */
  noteChange(): number {
    this.made += 1;
    return this.made;
  }

  /** The server holds change `n` (the update carrying it alone was acknowledged). */
  savedOne(n: number): void {
    if (n > this.covered) this.ahead.add(n);
    this.advance();
  }

  /** The server holds every change up to `n` (a diff computed after change `n` was acknowledged). */
  savedUpTo(n: number): void {
    if (n > this.covered) this.covered = n;
    for (const k of this.ahead) if (k <= this.covered) this.ahead.delete(k);
    this.advance();
  }

  private advance(): void {
    while (this.ahead.delete(this.covered + 1)) this.covered += 1;
  }
}
