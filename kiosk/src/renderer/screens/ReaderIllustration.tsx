/** A drawing of a card going onto the reader below the screen, with a big arrow pointing down. */
export function ReaderIllustration() {
  return (
    <svg className="reader-illustration" viewBox="0 0 360 300" role="img" aria-hidden="true">
      <rect x="95" y="20" width="170" height="108" rx="12" fill="#fff8dc" stroke="#1a1a1a" strokeWidth="6" />
      <circle cx="140" cy="68" r="22" fill="#c9d6e8" stroke="#1a1a1a" strokeWidth="4" />
      <rect x="175" y="52" width="70" height="10" rx="5" fill="#1a1a1a" />
      <rect x="175" y="76" width="55" height="10" rx="5" fill="#1a1a1a" />
      <path d="M180 140 v70" stroke="#0b3d91" strokeWidth="16" strokeLinecap="round" />
      <path
        d="M145 190 L180 232 L215 190"
        fill="none"
        stroke="#0b3d91"
        strokeWidth="16"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
      <rect x="60" y="246" width="240" height="44" rx="14" fill="#2b2b2b" />
      <rect x="95" y="256" width="170" height="12" rx="6" fill="#5fd068" />
    </svg>
  );
}
