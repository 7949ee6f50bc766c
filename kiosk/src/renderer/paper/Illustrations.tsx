/** Drawings for the paper screens: where the paper comes out of the kiosk, and a page under a camera. */

/** The kiosk from the front: its screen, and below it the slot with a page coming out, an arrow at it. */
export function PaperSlotIllustration() {
  return (
    <svg className="paper-illustration" viewBox="0 0 320 360" role="img" aria-hidden="true">
      <rect x="40" y="8" width="200" height="344" rx="18" fill="#e6ebf2" stroke="#1a1a1a" strokeWidth="6" />
      <rect x="60" y="28" width="160" height="118" rx="8" fill="#0b3d91" />
      <rect x="82" y="58" width="116" height="12" rx="6" fill="#ffffff" />
      <rect x="82" y="86" width="80" height="12" rx="6" fill="#ffffff" />
      <rect x="100" y="164" width="80" height="22" rx="6" fill="#9aa4b2" />
      <rect x="66" y="214" width="148" height="18" rx="9" fill="#1a1a1a" />
      <rect x="84" y="222" width="112" height="104" fill="#ffffff" stroke="#1a1a1a" strokeWidth="5" />
      <rect x="100" y="244" width="80" height="9" rx="4" fill="#1a1a1a" />
      <rect x="100" y="264" width="64" height="9" rx="4" fill="#1a1a1a" />
      <rect x="100" y="284" width="72" height="9" rx="4" fill="#1a1a1a" />
      <path d="M312 274 H224" stroke="#b33c00" strokeWidth="16" strokeLinecap="round" />
      <path
        d="M256 242 L220 274 L256 306"
        fill="none"
        stroke="#b33c00"
        strokeWidth="16"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** A page lying under a camera on its arm. */
export function CameraIllustration() {
  return (
    <svg className="paper-illustration" viewBox="0 0 320 300" role="img" aria-hidden="true">
      <rect x="20" y="252" width="280" height="30" rx="10" fill="#9aa4b2" stroke="#1a1a1a" strokeWidth="5" />
      <rect x="96" y="196" width="150" height="60" fill="#ffffff" stroke="#1a1a1a" strokeWidth="5" />
      <rect x="116" y="214" width="90" height="8" rx="4" fill="#1a1a1a" />
      <rect x="116" y="232" width="64" height="8" rx="4" fill="#1a1a1a" />
      <rect x="36" y="40" width="16" height="214" rx="8" fill="#1a1a1a" />
      <rect x="36" y="36" width="150" height="16" rx="8" fill="#1a1a1a" />
      <rect x="150" y="28" width="72" height="44" rx="10" fill="#0b3d91" />
      <circle cx="186" cy="74" r="12" fill="#0b3d91" stroke="#1a1a1a" strokeWidth="4" />
      <path d="M172 96 L120 186 M200 96 L236 186" stroke="#0b3d91" strokeWidth="6" strokeDasharray="12 10" />
    </svg>
  );
}
