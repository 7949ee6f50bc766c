/**
 * Reading an SDP just enough to tell a renegotiation from a new peer: an RTCPeerConnection keeps the
 * session id of its `o=` line (RFC 8866 §5.2: `o=<username> <sess-id> <sess-version> …`) across
 * every offer it makes, ICE restarts included, while a new connection picks a new random one.
 */

/** The `o=` line's session id of an SDP, or null when it has none. */
export function sdpSessionId(sdp: string | undefined): string | null {
  if (!sdp) return null;
  const match = /^o=\S+ (\S+) /m.exec(sdp);
  return match ? match[1]! : null;
}
