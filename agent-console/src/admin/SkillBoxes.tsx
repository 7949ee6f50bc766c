/** The skills as one checkbox each (the kiosk's tile order), for creating an agent or changing their skills. */
import { NEED_TILES, skillName, Skill } from '@rvw/shared';
import { local } from '../i18n/local-text';
import { useAdminText } from './admin-text';
import './admin-routing.css';

/** Every skill, in the order of the kiosk's tiles. */
export const SKILLS: readonly Skill[] = NEED_TILES.flatMap(({ need }) =>
  Skill.safeParse(need).success ? [need as Skill] : [],
);

/** Props: the ticked skills, the change, and the test id prefix of each box (`<prefix>-<skill>`). */
export interface SkillBoxesProps {
  value: readonly Skill[];
  onChange(skills: Skill[]): void;
  testIdPrefix: string;
  disabled?: boolean;
}

/** A fieldset of checkboxes, one per skill. */
export function SkillBoxes({ value, onChange, testIdPrefix, disabled = false }: SkillBoxesProps) {
  const { locale, at } = useAdminText();
  return (
    <fieldset className="skill-boxes" disabled={disabled}>
      <legend>{at('skills')}</legend>
      {SKILLS.map((skill) => (
        <label key={skill} className="skill-box">
          {/* The native box is read by screen readers; the chip around it is what eyes and fingers use. */}
          <input
            type="checkbox"
            className="sr-only"
            data-testid={`${testIdPrefix}-${skill}`}
            checked={value.includes(skill)}
            onChange={(e) =>
              onChange(
                e.target.checked
                  ? SKILLS.filter((s) => s === skill || value.includes(s))
                  : value.filter((s) => s !== skill),
              )
            }
          />
          <span className="skill-tick" aria-hidden="true" />
          {local(skillName(skill), locale)}
        </label>
      ))}
      <p className="muted skill-hint">{at('skillsHint')}</p>
    </fieldset>
  );
}

/** The skills in words (or that they take only "ask staff" tickets). */
export function skillsText(skills: readonly Skill[], locale: 'zh-CN' | 'en', none: string): string {
  return skills.length
    ? skills.map((s) => local(skillName(s), locale)).join(locale === 'en' ? ', ' : '、')
    : none;
}
