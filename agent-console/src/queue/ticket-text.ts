/**
 * A waiting ticket's routing facts in words: its tags (why it is ahead), its need, and where the
 * resident is (centre · committee · kiosk, 上门办 for a portable kiosk, another centre's region).
 */
import {
  PRIORITY_TAG_TEXT,
  skillName,
  type Centre,
  type Kiosk,
  type Locale,
  type PriorityTag,
  type ResidentPlace,
  type TicketNeed,
} from '@rvw/shared';
import { local } from '../i18n/local-text';
import { translate } from '../i18n/translate';

/** A tag's short words (80+, 助残, 预约 …). */
export function tagText(tag: PriorityTag, locale: Locale): string {
  return local(PRIORITY_TAG_TEXT[tag], locale);
}

/** The need as agents say it: the skill group's name, or "not chosen" for `unsure`. */
export function needText(need: TicketNeed, locale: Locale): string {
  return need === 'unsure' ? translate(locale, 'need.unsure') : local(skillName(need), locale);
}

/**
 * Where the resident of a session is, from its kiosk and the centres read from the server (the
 * queue line carries this already; a resumed or transferred session has only the kiosk).
 */
export function placeOfKiosk(kiosk: Kiosk, centres: ReadonlyMap<string, Centre>): ResidentPlace {
  const centre = centres.get(kiosk.centreId);
  return {
    centreId: kiosk.centreId,
    centreName: centre?.name ?? kiosk.centreId,
    region: centre?.region ?? '',
    committee: kiosk.location,
    kioskName: kiosk.name,
    kioskKind: kiosk.kind,
  };
}

/**
 * A place as the agent reads it: the committee first (it says where in the district), then the
 * kiosk; the centre only when it is not the agent's own (their own goes without saying).
 */
export interface PlaceView {
  /** The neighbourhood committee (the kiosk's location). */
  committee: string;
  /** The kiosk, and the centre's name when it is another centre's. */
  kiosk: string;
  /** A portable kiosk: staff are at the resident's home (上门办). */
  portable: boolean;
  /** The region of the resident's centre when it is not the agent's own; null at home. */
  otherRegion: string | null;
}

/** The place for an agent of `ownCentreId`. */
export function placeView(place: ResidentPlace, ownCentreId: string): PlaceView {
  const other = place.centreId !== ownCentreId;
  return {
    committee: place.committee,
    kiosk: other ? `${place.kioskName} · ${place.centreName}` : place.kioskName,
    portable: place.kioskKind === 'portable',
    otherRegion: other ? place.region || place.centreName : null,
  };
}
