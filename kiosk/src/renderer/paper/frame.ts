/**
 * One still from the live picture: the current video frame drawn to a canvas, at most
 * CAPTURE_MAX_SIDE pixels on its long side, as a JPEG (quality JPEG_QUALITY, lowered step by step
 * if the image would exceed the server's limit), base64 for the bridge, plus a small thumbnail.
 */
import { MATERIAL_MAX_BYTES } from '@rvw/shared';

/** The long side of a captured image, at most. */
export const CAPTURE_MAX_SIDE = 3000;
/** JPEG quality of a capture. */
export const JPEG_QUALITY = 0.85;
/** The long side of the thumbnail shown after the capture. */
export const THUMB_MAX_SIDE = 640;

/** A captured still, ready for `material:upload`. */
export interface Frame {
  mime: 'image/jpeg';
  /** Base64 of the JPEG (no data: prefix). */
  data: string;
  /** A small JPEG data URL for the screen. */
  thumb: string;
  width: number;
  height: number;
}

/** Takes a still from a playing video element. */
export type GrabFrame = (video: HTMLVideoElement) => Promise<Frame>;

/** `width` x `height` scaled down (never up) so that the long side is at most `max`. */
export function fitWithin(width: number, height: number, max: number): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** The number of bytes a base64 string holds. */
export function base64Bytes(data: string): number {
  const padding = data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0;
  return (data.length / 4) * 3 - padding;
}

function draw(video: HTMLVideoElement, max: number): HTMLCanvasElement {
  const size = fitWithin(video.videoWidth, video.videoHeight, max);
  const canvas = video.ownerDocument.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d canvas');
  context.drawImage(video, 0, 0, size.width, size.height);
  return canvas;
}

/** The real grab: canvas and toDataURL. Throws when the video shows no picture yet. */
export const grabFrame: GrabFrame = async (video) => {
  if (!video.videoWidth || !video.videoHeight) throw new Error('no picture yet');
  const canvas = draw(video, CAPTURE_MAX_SIDE);
  let quality = JPEG_QUALITY;
  let data = canvas.toDataURL('image/jpeg', quality).split(',')[1] ?? '';
  while (base64Bytes(data) > MATERIAL_MAX_BYTES && quality > 0.45) {
    quality -= 0.15;
    data = canvas.toDataURL('image/jpeg', quality).split(',')[1] ?? '';
  }
  if (!data || base64Bytes(data) > MATERIAL_MAX_BYTES) throw new Error('image too large');
  const thumb = draw(video, THUMB_MAX_SIDE).toDataURL('image/jpeg', 0.8);
  return { mime: 'image/jpeg', data, thumb, width: canvas.width, height: canvas.height };
};
