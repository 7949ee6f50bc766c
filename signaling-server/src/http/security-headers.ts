/**
 * Security headers on every answer (issue 7 #13b), through @fastify/helmet: a Content-Security-Policy
 * that lets the console load only its own scripts and talk only to this origin, framing refused
 * (`frame-ancestors 'none'` and `X-Frame-Options: DENY`), no referrer, and no MIME sniffing.
 */
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/** The console's Content-Security-Policy directives (exported for the test that checks them). */
export const consoleCsp = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // React writes style attributes through the CSSOM, which CSP does not govern; Vite's CSS is a file.
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  // The call's streams are MediaStreams attached to <video>, and the alert beep is generated in code.
  mediaSrc: ["'self'", 'blob:', 'mediastream:'],
  // The HTTP API and socket.io are on this origin ('self' covers ws:/wss: to it).
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** Registers the headers for every route of `app`, registered before or after this call. */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: consoleCsp },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // The kiosk and the console are served over plain HTTP on loopback in the demo; in production a
    // TLS proxy in front sets HSTS for its own host name.
    strictTransportSecurity: false,
  });
}
