/**
 * What an uploaded material must be: a JPEG or PNG whose first bytes say so and agree with the
 * declared Content-Type, whose header can be read, and no wider or taller than MATERIAL_MAX_SIDE.
 * (The byte limit, MATERIAL_MAX_BYTES, is the route's own body limit.) Anything else is
 * UNSUPPORTED_MEDIA with a sentence; the content itself is never quoted.
 */
import { MATERIAL_MAX_SIDE, RequestError, type MaterialMime } from '@rvw/shared';
import { imageSize } from 'image-size';

const MAGIC: Readonly<Record<MaterialMime, readonly number[]>> = {
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
};

const SIZE_TYPE: Readonly<Record<MaterialMime, string>> = { 'image/jpeg': 'jpg', 'image/png': 'png' };

/** The image type its first bytes name, or null. */
export function sniffMaterialType(bytes: Uint8Array): MaterialMime | null {
  for (const [mime, magic] of Object.entries(MAGIC) as Array<[MaterialMime, readonly number[]]>)
    if (magic.every((b, i) => bytes[i] === b)) return mime;
  return null;
}

/** A checked image: its type and dimensions. */
export interface CheckedImage {
  mime: MaterialMime;
  width: number;
  height: number;
}

/** Checks an upload declared as `declared` (see the module comment); UNSUPPORTED_MEDIA otherwise. */
export function checkMaterialImage(bytes: Uint8Array, declared: string | undefined): CheckedImage {
  const mime = sniffMaterialType(bytes);
  if (!mime) throw RequestError.unsupportedMedia('the file is not a JPEG or PNG image');
  if (mime !== declared)
    throw RequestError.unsupportedMedia(`the file is ${mime} but was sent as ${declared ?? 'nothing'}`);
  let size: { width?: number; height?: number; type?: string };
  try {
    size = imageSize(bytes);
  } catch {
    throw RequestError.unsupportedMedia('the image cannot be read');
  }
  const { width, height } = size;
  if (size.type !== SIZE_TYPE[mime] || !width || !height)
    throw RequestError.unsupportedMedia('the image cannot be read');
  if (width > MATERIAL_MAX_SIDE || height > MATERIAL_MAX_SIDE)
    throw RequestError.unsupportedMedia(
      `the image is ${width} x ${height} pixels; at most ${MATERIAL_MAX_SIDE} on each side`,
    );
  return { mime, width, height };
}
