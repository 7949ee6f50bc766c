/**
 * Names as a person says them: a Chinese name in pinyin for English screens (李秀英 -> Li Xiuying,
 * family name first as in Chinese), and a foreign card's "FAMILY, GIVEN" in the order and case a
 * person uses (SMITH, JOHN ROBERT -> John Robert Smith).
 */
import { pinyin } from 'pinyin-pro';

const han = /[\u3400-\u9fff]/;

function capitalize(word: string): string {
  return word ? word[0]!.toUpperCase() + word.slice(1) : word;
}

// Each part of a name in ordinary case, keeping hyphens and apostrophes (Jean-Luc, O'Brien).
function titleCase(text: string): string {
  return text
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word.replace(/(^|[-'])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase()))
    .join(' ');
}

/** A card's Latin name as spoken: "SMITH, JOHN ROBERT" -> "John Robert Smith"; without a comma only the case changes. */
export function spokenLatinName(name: string): string {
  const [family, ...given] = name.split(',');
  if (given.length === 0) return titleCase(name);
  return titleCase(`${given.join(' ')} ${family}`);
}

/**
 * A Chinese name in pinyin without tones, family name first: 李秀英 -> Li Xiuying, 欧阳明 -> Ouyang Ming.
 * `familyName` decides where the family name ends (compound family names); surnames are read
 * with their surname pronunciation (单 -> Shan).
 */
export function pinyinName(name: string, familyName: string): string {
  const syllables = pinyin(name.trim(), { toneType: 'none', type: 'array', surname: 'head' });
  const familyLength = familyName && name.trim().startsWith(familyName) ? [...familyName].length : 1;
  const family = syllables.slice(0, familyLength).join('');
  const given = syllables.slice(familyLength).join('');
  return [capitalize(family), capitalize(given)].filter(Boolean).join(' ');
}

/** True when the text has Chinese characters (so an English screen needs its pinyin). */
export function hasHan(text: string): boolean {
  return han.test(text);
}
