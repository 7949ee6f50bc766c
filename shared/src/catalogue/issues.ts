/**
 * Turns schema issues into one sentence each that names the file and the field path, e.g.
 * "catalogue/ltci-assessment.yaml: form.fields[2].kind must be one of text, number, …".
 */
import type { z } from 'zod';
import { CatalogueItem } from './item';

/** A catalogue file's problem: the file, the field path (may be empty) and the whole sentence. */
export interface CatalogueProblem {
  file: string;
  path: string;
  sentence: string;
}

/** `form.fields[2].kind` from ['form', 'fields', 2, 'kind']. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/** The part of the sentence after the path, worded for the people who maintain the items. */
function describe(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'is required' : `must be ${article(issue.expected)}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map(String).join(', ')}`;
    case 'invalid_union':
      if ('options' in issue && Array.isArray(issue.options))
        return `must be one of ${issue.options.map(String).join(', ')}`;
      return 'does not match any allowed shape';
    case 'unrecognized_keys':
      return `has unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')} (check the spelling)`;
    case 'too_small':
      if (issue.message && !issue.message.startsWith('Too small')) return issue.message;
      return issue.origin === 'array'
        ? `needs at least ${String(issue.minimum)} entr${issue.minimum === 1 ? 'y' : 'ies'}`
        : issue.origin === 'string'
          ? 'must not be empty'
          : `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      if (issue.message && !issue.message.startsWith('Too big')) return issue.message;
      return `must be at most ${String(issue.maximum)}`;
    default:
      return issue.message;
  }
}

function article(expected: string): string {
  if (expected === 'array') return 'a list';
  if (expected === 'object') return 'a mapping of fields';
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

/** One problem per issue, each a sentence naming the file and the field (parse with `reportInput: true`). */
export function describeIssues(file: string, issues: readonly z.core.$ZodIssue[]): CatalogueProblem[] {
  return issues.map((issue) => {
    const path = formatPath(issue.path);
    return { file, path, sentence: `${file}: ${path ? `${path} ` : ''}${describe(issue)}` };
  });
}

/** Validates one parsed file's content: the item, or the problems naming `file`. */
export function parseCatalogueItem(
  file: string,
  content: unknown,
): { ok: true; item: CatalogueItem } | { ok: false; problems: CatalogueProblem[] } {
  // reportInput: a missing value ("is required") is told apart from a wrong one ("must be a number").
  const r = CatalogueItem.safeParse(content, { reportInput: true });
  return r.success
    ? { ok: true, item: r.data }
    : { ok: false, problems: describeIssues(file, r.error.issues) };
}
