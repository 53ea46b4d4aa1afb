import type { Location, Reporter } from '../diagnostics/reporter.ts';
import { closest } from '../util/suggest.ts';

interface Definition<T> {
  readonly value: T;
  readonly at: Location;
}

/**
 * The definitions of one kind of thing (modules, competences, sessions…) by id.
 * Defining reports duplicates; referring reports unknown ids with the closest defined
 * one as a suggestion. Ids of documents that exist but failed their schema are
 * "withheld": references to them are not reported, since the real problem is
 * already reported in that document.
 */
export class Registry<T> {
  /** The kind, as a reader says it: "module", "competence", "live session". */
  readonly noun: string;
  readonly #definitions = new Map<string, Definition<T>>();
  readonly #withheld = new Set<string>();
  #duplicated = false;
  #allWithheld = false;
  readonly #reporter: Reporter;
  /** Where to define it, for the hint of an unknown reference. */
  readonly #home: string;

  constructor(noun: string, home: string, reporter: Reporter) {
    this.noun = noun;
    this.#home = home;
    this.#reporter = reporter;
  }

  define(id: string, value: T, at: Location): boolean {
    const existing = this.#definitions.get(id);
    if (existing) {
      this.#reporter.report('id_duplicate', { noun: this.noun, id }, at, {
        related: [{ role: 'first-defined', id, ...existing.at }],
      });
      this.#duplicated = true;
      return false;
    }
    this.#definitions.set(id, { value, at });
    return true;
  }

  withhold(id: string): void {
    this.#withheld.add(id);
  }

  /**
   * Marks the whole kind as unreadable (its document failed its schema): references
   * to it are then not checked at all, rather than all reported as unknown.
   */
  withholdAll(): void {
    this.#allWithheld = true;
  }

  /** Whether an id was defined twice: a count of this kind then counts a mistake. */
  get duplicated(): boolean {
    return this.#duplicated;
  }

  has(id: string): boolean {
    return this.#definitions.has(id);
  }

  get(id: string): T | undefined {
    return this.#definitions.get(id)?.value;
  }

  locationOf(id: string): Location | undefined {
    return this.#definitions.get(id)?.at;
  }

  get ids(): string[] {
    return [...this.#definitions.keys()];
  }

  get values(): T[] {
    return [...this.#definitions.values()].map((d) => d.value);
  }

  get size(): number {
    return this.#definitions.size;
  }

  /** Resolves a reference; reports it (with a suggestion) when nothing has that id. */
  refer(id: string, at: Location): T | undefined {
    const found = this.#definitions.get(id);
    if (found) return found.value;
    if (!this.#allWithheld && !this.#withheld.has(id)) this.reportUnknown(id, at);
    return undefined;
  }

  /** Resolves a list of references, keeping the ones that exist, in order. */
  referAll(ids: readonly string[] | undefined, at: (index: number) => Location): string[] {
    const out: string[] = [];
    (ids ?? []).forEach((id, index) => {
      if (this.refer(id, at(index)) !== undefined) out.push(id);
    });
    return out;
  }

  reportUnknown(id: string, at: Location): void {
    const suggestion = closest(id, this.#definitions.keys());
    const suggestionAt = suggestion ? this.#definitions.get(suggestion)?.at : undefined;
    this.#reporter.report('reference_unknown', { kind: 'id', noun: this.noun, id, home: this.#home, defined: this.ids, suggestion, suggestionAt }, at);
  }
}
