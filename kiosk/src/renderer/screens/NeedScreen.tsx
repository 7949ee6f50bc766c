/**
 * What do you need? (issue 11 #1): a few very large picture tiles, each a dark drawing over its
 * word on white, and "I don't know, just ask staff" as a tile of its own. A tile says its word when
 * it gets the focus; pressing it goes on to the disability question, which first says what was
 * pressed. With a consented card and the appointments screens mounted, a tile books an appointment.
 */
import type { Locale, TicketNeed } from '@rvw/shared';
import {
  Accessibility,
  Baby,
  CalendarCheck,
  Headset,
  HeartHandshake,
  House,
  MessageCircleQuestion,
  Stethoscope,
  type LucideIcon,
} from 'lucide-react';
import type { Tr } from '../i18n';
import { NEED_CHOICES, needLabel } from './need-tiles';
import './routing.css';

/** The drawing on each need's tile. */
const NEED_ICONS: Record<TicketNeed, LucideIcon> = {
  'elderly-care': HeartHandshake,
  'medical-insurance': Stethoscope,
  disability: Accessibility,
  residence: House,
  'family-planning': Baby,
  consultation: MessageCircleQuestion,
  unsure: Headset,
};

/** Readiness, the language, the words, whether booking is offered, and the taps. */
export interface NeedScreenProps {
  ready: boolean;
  locale: Locale;
  tr: Tr;
  /** Show the "book an appointment" tile (consented card, appointments screens present). */
  offerBooking: boolean;
  /** Says a tile's word (on focus). */
  speak: (text: string) => void;
  onChoose: (need: TicketNeed) => void;
  onBook: () => void;
}

interface TileProps {
  testId: string;
  label: string;
  Icon: LucideIcon;
  wide?: boolean;
  ready: boolean;
  speak: (text: string) => void;
  onPress: () => void;
}

function Tile({ testId, label, Icon, wide = false, ready, speak, onPress }: TileProps) {
  return (
    <button
      type="button"
      className={`need-tile${wide ? ' need-tile-wide' : ''}`}
      data-testid={testId}
      data-main-action
      disabled={!ready}
      onFocus={() => speak(label)}
      onClick={onPress}
    >
      <Icon className="need-icon" strokeWidth={2.25} aria-hidden="true" focusable="false" />
      <span className="need-word">{label}</span>
    </button>
  );
}

/** The tiles, in NEED_TILES order; "I don't know" spans two columns when it ends a short row. */
export function NeedScreen({ ready, locale, tr, offerBooking, speak, onChoose, onBook }: NeedScreenProps) {
  return (
    <section className="screen screen-need" data-testid="screen-need" aria-busy={!ready}>
      <h1 className="headline">{tr('need.title')}</h1>
      <p className="hint">{tr('need.hint')}</p>
      <div className={`need-grid${offerBooking ? ' with-booking' : ''}`}>
        {NEED_CHOICES.map((need) => {
          const label = needLabel(need, locale);
          const tile = (
            <Tile
              key={need}
              testId={`need-tile-${need}`}
              label={label}
              Icon={NEED_ICONS[need]}
              wide={need === 'unsure' && !offerBooking}
              ready={ready}
              speak={speak}
              onPress={() => onChoose(need)}
            />
          );
          // Booking sits before "I don't know", which stays last.
          if (need !== 'unsure' || !offerBooking) return tile;
          return [
            <Tile
              key="appointment"
              testId="need-tile-appointment"
              label={tr('need.appointment')}
              Icon={CalendarCheck}
              ready={ready}
              speak={speak}
              onPress={onBook}
            />,
            tile,
          ];
        })}
      </div>
    </section>
  );
}
