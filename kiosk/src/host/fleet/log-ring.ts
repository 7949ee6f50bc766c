/**
 * The host's recent log lines for remote diagnostics (issue 12 #5): a ring of the last
 * MAX_DIAGNOSTIC_LOG_LINES lines the host's logger wrote, kept in memory only. Each line is scrubbed
 * before it is kept: identity numbers are masked (scrubIdNumbers), and the name on the card the
 * identity feature holds is replaced by ＊＊. When a new card is held, the lines already kept are
 * scrubbed of its name too, so a name logged just before its card was read does not stay either.
 * The ring holds no card data of its own: it asks for the held card's names at each step.
 */
import { MAX_DIAGNOSTIC_LINE_CHARS, MAX_DIAGNOSTIC_LOG_LINES, scrubIdNumbers } from '@rvw/shared';
import type { KioskLogger } from '../feature';

/** What a held name is replaced with. */
export const NAME_MASK = '＊＊';

/** The names to scrub now (the held card's name, its English name); empty when no card is held. */
export type HeldNames = () => readonly string[];

/** The ring: a logger that writes through to the host's, and the scrubbed lines. */
export interface LogRing {
  /** Writes to the wrapped logger and keeps a scrubbed copy. */
  logger: KioskLogger;
  /** Where the held card's names come from (set once the identity feature exists). */
  setHeldNames(names: HeldNames): void;
  /** A new card is held: the kept lines are scrubbed of its names too. */
  cardHeld(): void;
  /** The kept lines, oldest first, scrubbed again with what is held now. */
  lines(): string[];
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Replaces each name (and its spacing variants) with NAME_MASK. */
export function scrubNames(line: string, names: readonly string[]): string {
  let out = line;
  for (const raw of names) {
    const name = raw.trim();
    // A one-character "name" would mask ordinary words; a card's name has at least two.
    if ([...name].length < 2) continue;
    // The same name with any spacing between its parts ("张 三", "ZHANG  SAN").
    const parts = name.split(/\s+/).filter(Boolean).map(escape);
    const pattern = new RegExp(parts.length > 1 ? parts.join('\\s*') : escape(name), 'giu');
    out = out.replace(pattern, NAME_MASK);
    // Without any spaces at all (ZHANGSAN for ZHANG SAN).
    if (parts.length > 1) out = out.replace(new RegExp(parts.join(''), 'giu'), NAME_MASK);
  }
  return out;
}

/** Wraps `inner`; keeps at most `max` lines (default MAX_DIAGNOSTIC_LOG_LINES). */
export function logRing(inner: KioskLogger, options: { now?: () => Date; max?: number } = {}): LogRing {
  const max = options.max ?? MAX_DIAGNOSTIC_LOG_LINES;
  const now = options.now ?? (() => new Date());
  let heldNames: HeldNames = () => [];
  const ring: string[] = [];
  const names = (): readonly string[] => {
    try {
      return heldNames();
    } catch {
      return [];
    }
  };
  const clean = (line: string): string =>
    scrubNames(scrubIdNumbers(line), names()).slice(0, MAX_DIAGNOSTIC_LINE_CHARS);
  const keep = (level: string, message: string): void => {
    ring.push(clean(`${now().toISOString()} ${level} ${message}`));
    if (ring.length > max) ring.splice(0, ring.length - max);
  };
  return {
    logger: {
      info(message) {
        keep('info', message);
        inner.info(message);
      },
      warn(message) {
        keep('warn', message);
        inner.warn(message);
      },
      error(message) {
        keep('error', message);
        inner.error(message);
      },
    },
    setHeldNames(source) {
      heldNames = source;
    },
    cardHeld() {
      for (let i = 0; i < ring.length; i += 1) ring[i] = clean(ring[i]!);
    },
    lines: () => ring.map(clean),
  };
}

/** The names on a held card to scrub (its name and English name); none without a card. */
export function heldNamesOf(card: { name: string; englishName?: string } | null): string[] {
  return card ? [card.name, card.englishName ?? ''].filter((n) => n.trim() !== '') : [];
}
