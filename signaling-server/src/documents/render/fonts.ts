/**
 * The renderer's fonts: Noto Sans CJK SC (fonts-noto-cjk), its bold when present, and the Hanazono
 * Mincho fonts (fonts-hanazono) for rare characters that Noto lacks (𪚥 and the like). Opened once
 * per path and kept: a render then only subsets them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';
import { ConfigError } from '../../errors';
import type { FontOptions } from './types';

export const DEFAULT_REGULAR = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
export const DEFAULT_REGULAR_NAME = 'NotoSansCJKsc-Regular';
export const DEFAULT_BOLD_NAME = 'NotoSansCJKsc-Bold';
export const DEFAULT_FALLBACKS = [
  '/usr/share/fonts/truetype/hanazono/HanaMinB.ttf',
  '/usr/share/fonts/truetype/hanazono/HanaMinA.ttf',
];

/** The fonts one document uses, by the name it registers them under. */
export interface FontSet {
  regular: fontkit.Font;
  /** The bold face, or null when bold is drawn from the regular font with an outline. */
  bold: fontkit.Font | null;
  /** Tried in order for a character the main font lacks; each opened on first need. */
  fallbacks: LazyFont[];
}

/** A font opened the first time it is needed (the Hanazono files are 20–30 MB each). */
export interface LazyFont {
  path: string;
  open(): fontkit.Font;
}

const opened = new Map<string, fontkit.Font>();

/** Opens (once) the font at `path`, picking `postscriptName` out of a collection. */
function open(path: string, postscriptName: string | undefined, missing: string): fontkit.Font {
  const key = `${path}#${postscriptName ?? ''}`;
  const cached = opened.get(key);
  if (cached) return cached;
  if (!existsSync(path)) throw ConfigError.invalid(`the font file ${path} is missing; ${missing}`);
  const made = fontkit.create(readFileSync(path), postscriptName);
  const font = 'fonts' in made ? (postscriptName ? made.getFont(postscriptName) : made.fonts[0]) : made;
  if (!font || typeof font.hasGlyphForCodePoint !== 'function')
    throw ConfigError.invalid(
      `the font file ${path} has no font named ${postscriptName ?? '(any)'}; ${missing}`,
    );
  opened.set(key, font);
  return font;
}

/** The default bold beside a regular Noto collection, when it is there. */
function defaultBold(regular: string): string | null {
  const candidate = join(dirname(regular), 'NotoSansCJK-Bold.ttc');
  return existsSync(candidate) ? candidate : null;
}

/**
 * The fonts for these options (defaults: Debian's paths). Throws CONFIG_INVALID naming the Debian
 * package to install when a file is missing.
 */
export function loadFonts(options: FontOptions = {}): FontSet {
  const regularPath = options.regular ?? DEFAULT_REGULAR;
  const regular = open(
    regularPath,
    options.regularName ?? DEFAULT_REGULAR_NAME,
    'install the Debian package fonts-noto-cjk (or set fonts.regular to a Noto Sans CJK SC file)',
  );
  const boldPath = options.boldStyle === 'face' ? (options.bold ?? defaultBold(regularPath)) : null;
  const bold = boldPath
    ? open(
        boldPath,
        options.boldName ?? DEFAULT_BOLD_NAME,
        'install the Debian package fonts-noto-cjk (or set fonts.bold)',
      )
    : null;
  const missingFallback = 'install the Debian package fonts-hanazono (or set fonts.fallbacks)';
  const fallbacks = (options.fallbacks ?? DEFAULT_FALLBACKS).map((path): LazyFont => {
    // Missing files are named now, not at the first rare character.
    if (!opened.has(`${path}#`) && !existsSync(path))
      throw ConfigError.invalid(`the font file ${path} is missing; ${missingFallback}`);
    return { path, open: () => open(path, undefined, missingFallback) };
  });
  return { regular, bold, fallbacks };
}

/** A run of text and the font that has all its glyphs. */
export interface FontRun {
  text: string;
  font: fontkit.Font;
}

/**
 * Splits text into runs by the font that has each character's glyph: the main font first, then
 * the fallbacks in order. Spaces and characters no font has stay in the main font.
 */
export function splitRuns(text: string, main: fontkit.Font, fallbacks: readonly LazyFont[]): FontRun[] {
  const runs: FontRun[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const last = runs[runs.length - 1];
    // A variation selector picks a form of the character before it: it stays in that character's run.
    if (last && isVariationSelector(cp)) {
      last.text += ch;
      continue;
    }
    const font = cp > 0x20 && !main.hasGlyphForCodePoint(cp) ? (fallbackFor(cp, fallbacks) ?? main) : main;
    if (last && last.font === font) last.text += ch;
    else runs.push({ text: ch, font });
  }
  return runs;
}

/** The first fallback with a glyph for `cp`, opening only as many as it takes. */
function fallbackFor(cp: number, fallbacks: readonly LazyFont[]): fontkit.Font | null {
  for (const lazy of fallbacks) {
    const font = lazy.open();
    if (font.hasGlyphForCodePoint(cp)) return font;
  }
  return null;
}

function isVariationSelector(cp: number): boolean {
  return (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);
}
