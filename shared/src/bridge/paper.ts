/**
 * Bridge area "paper" (issue 10): the resident's yes or no to printing and to a capture, the
 * captured image handed to the host (which uploads it with the kiosk's credential: the renderer
 * never holds it), and the server's print and capture events re-sent by the host.
 */
import { z } from 'zod';
import { CaseMaterial, MATERIAL_MAX_BYTES, MaterialMime } from '../paper/material';
import { clientEvents, serverEvents } from '../protocol';
import type { EventSlice, InvokeSlice } from './spec';

/** Base64 of at most MATERIAL_MAX_BYTES bytes. */
const base64Image = z
  .string()
  .max(Math.ceil(MATERIAL_MAX_BYTES / 3) * 4)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, { message: 'must be base64' });

/** Invoke channels of the paper area. */
export const paperInvokes = {
  /** The resident agrees to print or declines, with the text shown (the protocol's `print:consent`). */
  'print:consent': {
    request: clientEvents['print:consent'].payload,
    response: clientEvents['print:consent'].ack,
  },
  /** The resident agrees to a capture or declines it (`material:consent`). */
  'material:consent': {
    request: clientEvents['material:consent'].payload,
    response: clientEvents['material:consent'].ack,
  },
  /** The resident stops a capture (`material:cancel`). */
  'material:cancel': {
    request: clientEvents['material:cancel'].payload,
    response: clientEvents['material:cancel'].ack,
  },
  /** The captured picture: the host uploads it to the case (HTTP `uploadMaterial`). */
  'material:upload': {
    request: z
      .object({ requestId: z.string().min(1).max(64), mime: MaterialMime, data: base64Image })
      .strict(),
    response: z.object({ material: CaseMaterial }),
  },
} as const satisfies InvokeSlice;

/** Event channels of the paper area: the server's events, checked by the host first. */
export const paperBridgeEvents = {
  /** A print job waits for the resident's yes. */
  'print:offer': serverEvents['print:offer'],
  /** A print job changed: the kiosk says 正在打印 / 请取走您的回执 / staff will help. */
  'print:state': serverEvents['print:state'],
  /** A capture request changed. */
  'material:state': serverEvents['material:state'],
  /** The agent pressed capture. */
  'material:capture-now': serverEvents['material:capture-now'],
} as const satisfies EventSlice;
