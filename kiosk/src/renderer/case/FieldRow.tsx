/**
 * One row of the resident's form view: the label with a speaker button that reads the row aloud
 * and "这一项不对" (this is wrong) beside it, then the value in large type across the whole row;
 * where it came from, and a highlight when the agent has just changed it. Once tapped, "这一项不对"
 * becomes "已标记，工作人员会核对" in its place.
 */
import type { FieldDescription, FieldValue, Locale } from '@rvw/shared';
import type { Tr } from '../i18n';
import { fieldLabel, fieldLines, spokenFieldParts } from './field-text';
import { FlagIcon, SpeakerIcon } from './Icons';

/** A field, its value and state, and the row's two taps. */
export interface FieldRowProps {
  field: FieldDescription;
  value: FieldValue | undefined;
  locale: Locale;
  /** The value is an identity number masked by the server. */
  masked: boolean;
  fromCard: boolean;
  justChanged: boolean;
  flagged: boolean;
  /** False where flagging is not offered (a closed case, the signature). */
  canFlag: boolean;
  /** Shown but not yet tappable (the screen is settling); default false. */
  flagDisabled?: boolean;
  tr: Tr;
  /** Reads a text aloud in the screen's language. */
  speak: (text: string) => void;
  onFlag: () => void;
}

/** A form row; test ids `kiosk-field-<id>`, `kiosk-speak-<id>`, `kiosk-flag-<id>`, `kiosk-flagged-<id>`. */
export function FieldRow(props: FieldRowProps) {
  const { field, value, locale, masked, fromCard, justChanged, flagged, canFlag, tr, speak, onFlag } = props;
  const lines = fieldLines(field, value, locale);
  const label = fieldLabel(field, locale);
  const spoken = spokenFieldParts(field, value, locale, masked);
  const stop = locale === 'en' ? '. ' : '。';
  return (
    <li
      className={`field-row${justChanged ? ' field-changed' : ''}${flagged ? ' field-flagged' : ''}`}
      data-testid={`kiosk-field-${field.id}`}
      data-changed={justChanged || undefined}
    >
      <div className="field-head">
        <p className="field-label">{label}</p>
        <div className="field-actions">
          <button
            type="button"
            className="btn-icon"
            data-testid={`kiosk-speak-${field.id}`}
            aria-label={`${tr('case.readAloud')}: ${label}`}
            onClick={() => speak(spoken.join(stop))}
          >
            <SpeakerIcon />
          </button>
          {flagged ? (
            <p className="field-flagged-note" data-testid={`kiosk-flagged-${field.id}`} role="status">
              {tr('case.flagged')}
            </p>
          ) : (
            canFlag && (
              <button
                type="button"
                className="btn-flag"
                data-testid={`kiosk-flag-${field.id}`}
                disabled={props.flagDisabled ?? false}
                onClick={() => {
                  onFlag();
                  speak(tr('case.flagged'));
                }}
              >
                <FlagIcon /> {tr('case.flag')}
              </button>
            )
          )}
        </div>
      </div>
      {/* Where the value came from and what just happened to it, after the value's first line. */}
      {(lines.length > 0 ? lines : [null]).map((line, i) => (
        <p className={`field-value${line === null ? ' field-empty' : ''}`} key={i}>
          {line ?? tr('case.empty')}
          {i === 0 && masked && <span className="field-badge">{tr('case.masked')}</span>}
          {i === 0 && fromCard && <span className="field-badge">{tr('case.fromCard')}</span>}
          {i === 0 && justChanged && (
            <span className="field-badge field-badge-changed">{tr('case.justChanged')}</span>
          )}
        </p>
      ))}
    </li>
  );
}
