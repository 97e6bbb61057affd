/**
 * Personal data the BFF keeps but never sends as such: full plates (and later phone numbers) by an opaque
 * reference. Masked records carry the reference; POST /api/v1/personal/reveal (personal:view, with a
 * reason, audited) returns one value. Bounded: the oldest entries go first.
 */
export type VaultKind = 'plate' | 'phone' | 'name';

export class PersonalVault {
  private readonly entries = new Map<string, { kind: VaultKind; value: string; regionCode: string }>();

  constructor(private readonly capacity = 100_000) {}

  /** Keeps a value; returns its reference. */
  keep(kind: VaultKind, ref: string, value: string, regionCode: string): string {
    this.entries.delete(ref);
    this.entries.set(ref, { kind, value, regionCode });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return ref;
  }

  get(ref: string): { kind: VaultKind; value: string; regionCode: string } | undefined {
    return this.entries.get(ref);
  }
}

/** The process's vault (the parking adapter fills it; the reveal route reads it). */
export const personalVault = new PersonalVault();
