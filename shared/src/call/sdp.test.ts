import { expect, test } from 'vitest';
import { withStartBitrate } from './sdp';

// The parts of a Chromium offer that matter here: audio, then video with VP8 (no fmtp), its rtx,
// VP9 and H264 (with fmtp), red and ulpfec.
const offer = [
  'v=0',
  'o=- 4611731400430051336 2 IN IP4 127.0.0.1',
  'm=audio 9 UDP/TLS/RTP/SAVPF 111',
  'a=rtpmap:111 opus/48000/2',
  'a=fmtp:111 minptime=10;useinbandfec=1',
  'm=video 9 UDP/TLS/RTP/SAVPF 96 97 98 102 116 117',
  'a=rtpmap:96 VP8/90000',
  'a=rtcp-fb:96 nack',
  'a=rtpmap:97 rtx/90000',
  'a=fmtp:97 apt=96',
  'a=rtpmap:98 VP9/90000',
  'a=fmtp:98 profile-id=0',
  'a=rtpmap:102 H264/90000',
  'a=fmtp:102 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f',
  'a=rtpmap:116 red/90000',
  'a=rtpmap:117 ulpfec/90000',
  '',
].join('\r\n');

test('every video codec gets the start bitrate; rtx, red, ulpfec and audio are left alone', () => {
  const sdp = withStartBitrate(offer, 1000);
  const lines = sdp.split('\r\n');
  // VP8 had no fmtp: one follows its rtpmap.
  expect(lines[lines.indexOf('a=rtpmap:96 VP8/90000') + 1]).toBe('a=fmtp:96 x-google-start-bitrate=1000');
  expect(lines).toContain('a=fmtp:98 profile-id=0;x-google-start-bitrate=1000');
  expect(lines).toContain(
    'a=fmtp:102 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f;x-google-start-bitrate=1000',
  );
  expect(lines).toContain('a=fmtp:97 apt=96');
  expect(lines).toContain('a=fmtp:111 minptime=10;useinbandfec=1');
  expect(sdp.match(/x-google-start-bitrate/g)).toHaveLength(3);
  expect(lines.filter((l) => l.startsWith('a=fmtp:116') || l.startsWith('a=fmtp:117'))).toEqual([]);
  expect(sdp.endsWith('\r\n')).toBe(true);
});

test('applied twice (a renegotiation of a munged offer), the value is replaced, not repeated', () => {
  const twice = withStartBitrate(withStartBitrate(offer, 1000), 800);
  expect(twice.match(/x-google-start-bitrate=800/g)).toHaveLength(3);
  expect(twice).not.toContain('=1000');
});

test('an SDP without video is returned unchanged', () => {
  const audioOnly = offer.slice(0, offer.indexOf('m=video'));
  expect(withStartBitrate(audioOnly, 1000)).toBe(audioOnly);
});
