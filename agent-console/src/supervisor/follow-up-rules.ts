/** The rules of closing a follow-up: every bad review gets an outcome, written down in a note. */

const NOTE_MIN = 2;
const NOTE_MAX = 2000;

/** Why a closing note cannot be sent; null when it can. */
export function closingNoteProblem(note: string): 'required' | 'short' | 'long' | null {
  const length = Array.from(note.trim()).length;
  if (length === 0) return 'required';
  if (length < NOTE_MIN) return 'short';
  if (length > NOTE_MAX) return 'long';
  return null;
}
