/** Camera and microphone for the app's own page; every other permission, for every page, is denied. */
import { session as electronSession } from 'electron';
import type { Session } from 'electron';
import { isAppUrl } from './app-protocol';

/** The decision: only 'media' (video/audio) from the app's own origin. */
export function isPermissionAllowed(
  permission: string,
  origin: string | undefined,
  mediaTypes?: readonly string[],
): boolean {
  if (permission !== 'media') return false;
  if (!isAppUrl(origin)) return false;
  return (mediaTypes ?? []).every((t) => t === 'video' || t === 'audio');
}

/** Installs the request and check handlers on a session; default the default session. */
export function setupPermissions(ses: Session = electronSession.defaultSession): void {
  ses.setPermissionRequestHandler((webContents, permission, callback, details) => {
    // Only a media request carries mediaTypes; for every other kind the list is empty.
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined;
    callback(isPermissionAllowed(permission, details.requestingUrl ?? webContents.getURL(), mediaTypes));
  });
  ses.setPermissionCheckHandler((_webContents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin),
  );
  // No USB/HID/serial access from any page: the reader is reached through the main process only.
  ses.setDevicePermissionHandler(() => false);
}
