/**
 * The renderer is served from a privileged custom scheme, app://kiosk/, rather than file://: it
 * gives the page a real origin, which the permission and IPC checks compare against, and a secure
 * context, which getUserMedia requires.
 */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { net, protocol } from 'electron';
import { resolveInside } from '../browser-shell/static-files';

/** The privileged scheme the renderer is served from (app://), so its origin is never file://. */
export const APP_SCHEME = 'app';
/** The host part of every app URL; the IPC manager accepts calls only from app://kiosk/ pages. */
export const APP_HOST = 'kiosk';
/** The page the kiosk window loads. */
export const APP_START_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** True when `url` (a URL or an origin) belongs to the app's own pages. */
export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

/** Registers app:// as a standard, secure scheme; must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

/** Serves app://kiosk/* from the renderer build directory (never outside it). */
export function setupAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
    const path = url.pathname === '/' ? '/index.html' : url.pathname;
    const file = resolveInside(rendererDir, path);
    if (!file) return new Response('Bad path', { status: 400 });
    return net.fetch(pathToFileURL(file === rendererDir ? join(file, 'index.html') : file).toString());
  });
}
