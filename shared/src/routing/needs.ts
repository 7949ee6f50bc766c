/**
 * What the resident says they need: one of the catalogue's categories, or "I don't know, ask staff".
 * A skill is a catalogue category; the ticket's need routes it to the agents with that skill.
 */
import { z } from 'zod';
import { CATEGORIES, Category } from '../catalogue/item';
import type { LocalText } from '../catalogue/text';

/** An agent's skill: a catalogue category (the skill group that handles its items). */
export const Skill = Category;
export type Skill = Category;

/** The ticket's need: a category, or `unsure` (any agent of the centre may serve it). */
export const TicketNeed = z.union([Category, z.literal('unsure')]);
export type TicketNeed = z.infer<typeof TicketNeed>;

/** The kiosk's tiles, in the order shown, with the short words on each tile (issue 11 #1). */
export const NEED_TILES: ReadonlyArray<{ need: TicketNeed; label: LocalText }> = [
  { need: 'elderly-care', label: { zh: '养老', en: 'Old age' } },
  { need: 'medical-insurance', label: { zh: '医保', en: 'Medical insurance' } },
  { need: 'disability', label: { zh: '残疾人', en: 'Disability' } },
  { need: 'residence', label: { zh: '居住', en: 'Residence' } },
  { need: 'family-planning', label: { zh: '计生', en: 'Family planning' } },
  { need: 'consultation', label: { zh: '咨询', en: 'Questions' } },
  { need: 'unsure', label: { zh: '我不知道，直接问工作人员', en: "I don't know, just ask staff" } },
];

/** A skill's name for agents and supervisors (the category's full name). */
export function skillName(skill: Skill): LocalText {
  return CATEGORIES[skill];
}
