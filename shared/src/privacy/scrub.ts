/**
 * Scrubbing of free text before it reaches a log or leaves a machine (PIPL): anything that looks
 * like a full identity number is masked. The server's logger runs every line through it; the kiosk
 * host runs the log lines it sends for remote diagnostics through it.
 */

// What is masked, wherever it stands (glued to letters, CJK, punctuation or other digits):
// - any run of 15 or more digits, optionally ending in X: 18-char resident numbers (GB 11643, also
//   HK/Macao/Taiwan residents and 2023 foreigner cards), 15-digit pre-1999 numbers, and a number
//   glued to further digits. A longer run may be another number (an SDP session id, say); it is
//   masked anyway, because the scrubber cannot tell "a number + a digit" from "a long number",
//   and a masked harmless number costs less than a leaked identity.
// - 3 letters followed by 12 or more digits: old foreigner cards, also glued to other text.
// Times in ms (13 digits) and UUIDs (hex runs shorter than 15 digits) stay readable.
// A final X is taken as a check character unless it starts an old foreigner number glued on
// (…0009XAA000000000000): then both numbers are masked, each by its own pattern.
const idLike = /\d{14,}(?:\d|[Xx](?![A-Za-z]{2}\d{12}))|[A-Za-z]{3}\d{12,}/g;

/** Masks anything in a string that looks like a full identity number (first 3 and last 4 kept). */
export function scrubIdNumbers(text: string): string {
  return text.replace(idLike, (m) => m.slice(0, 3) + '*'.repeat(m.length - 7) + m.slice(-4));
}
