/** Drawn icons for the kiosk screens (not emoji: kiosk images often lack an emoji font). */

/** A loudspeaker: "read it to me". */
export function SpeakerIcon() {
  return (
    <svg className="icon" viewBox="0 0 24 24" aria-hidden="true">
      <path d="M3 9v6h4l5 4V5L7 9H3z" fill="currentColor" />
      <path
        d="M15.5 8.5a5 5 0 0 1 0 7M18 6a8.5 8.5 0 0 1 0 12"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
      />
    </svg>
  );
}

/** A flag: "this is wrong". */
export function FlagIcon() {
  return (
    <svg className="icon" viewBox="0 0 24 24" aria-hidden="true">
      <path d="M5 21V4" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
      <path d="M5 4h12l-2.5 4L17 12H5z" fill="currentColor" />
    </svg>
  );
}
