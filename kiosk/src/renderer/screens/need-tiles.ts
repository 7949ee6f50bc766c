/** The need tiles' order and words (shared NEED_TILES), for the screen and for speech alike. */
import { NEED_TILES, type Locale, type TicketNeed } from '@rvw/shared';

/** Every need in the order the tiles show ("I don't know" last). */
export const NEED_CHOICES: readonly TicketNeed[] = NEED_TILES.map((tile) => tile.need);

/** The words on a need's tile in the screen's language. */
export function needLabel(need: TicketNeed, locale: Locale): string {
  const tile = NEED_TILES.find((t) => t.need === need);
  if (!tile) return need;
  return locale === 'en' ? tile.label.en : tile.label.zh;
}
