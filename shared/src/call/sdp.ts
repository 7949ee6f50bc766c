/**
 * Reading and adjusting an SDP where the call needs it: telling a renegotiation from a new peer, and
 * the video start bitrate.
 *
 * An RTCPeerConnection keeps the session id of its `o=` line (RFC 8866 §5.2: `o=<username>
 * <sess-id> <sess-version> …`) across every offer it makes, ICE restarts included, while a new
 * connection picks a new random one.
 */

/** The `o=` line's session id of an SDP, or null when it has none. */
export function sdpSessionId(sdp: string | undefined): string | null {
  if (!sdp) return null;
  const match = /^o=\S+ (\S+) /m.exec(sdp);
  return match ? match[1]! : null;
}

/**
 * The bitrate a call's video starts at (kbit/s) before bandwidth estimation has measured the path.
 * Chromium starts at 300 kbit/s, too little for the 1280×720 camera: its encoder then drops the
 * first frames and asks the camera for a quarter of the picture, which held the first picture back
 * by about 160 ms (docs/performance.md). 1000 kbit/s is what a 720p face needs and what an office's
 * broadband carries; on a slower link the estimate comes down within the first second.
 */
export const CALL_START_BITRATE_KBPS = 1000;

/** Video codecs whose encoders read the start bitrate (not rtx, red or ulpfec). */
const MEDIA_CODECS = /^(VP8|VP9|H264|H265|AV1)$/i;

/**
 * Sets Chromium's `x-google-start-bitrate` on every video codec of an SDP (its own fmtp parameter;
 * other browsers ignore it). Applied to a side's local offer or answer, it reaches the other side
 * as its remote description, which is where a sender reads its codec's parameters.
 */
export function withStartBitrate(sdp: string, kbps: number): string {
  const eol = sdp.includes('\r\n') ? '\r\n' : '\n';
  const lines = sdp.split(eol);
  const payloads = new Set<string>();
  let video = false;
  for (const line of lines) {
    if (line.startsWith('m=')) video = line.startsWith('m=video');
    const rtpmap = video ? /^a=rtpmap:(\d+) ([^/]+)\//.exec(line) : null;
    if (rtpmap && MEDIA_CODECS.test(rtpmap[2]!)) payloads.add(rtpmap[1]!);
  }
  const withFmtp = new Set<string>();
  const out = lines.map((line) => {
    const fmtp = /^a=fmtp:(\d+) /.exec(line);
    if (!fmtp || !payloads.has(fmtp[1]!)) return line;
    withFmtp.add(fmtp[1]!);
    return line.includes('x-google-start-bitrate=')
      ? line.replace(/x-google-start-bitrate=\d+/, `x-google-start-bitrate=${kbps}`)
      : `${line};x-google-start-bitrate=${kbps}`;
  });
  return out
    .flatMap((line) => {
      const rtpmap = /^a=rtpmap:(\d+) /.exec(line);
      const pt = rtpmap?.[1];
      return pt && payloads.has(pt) && !withFmtp.has(pt)
        ? [line, `a=fmtp:${pt} x-google-start-bitrate=${kbps}`]
        : [line];
    })
    .join(eol);
}
