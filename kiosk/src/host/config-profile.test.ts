/** The door-to-door profile (上门办, issue 11 #10): its defaults, what a technician may still set, bad values. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKioskConfig, PORTABLE_READER_PORT } from './config';

const base = { RVW_SERVER_URL: 'https://centre.example', RVW_KIOSK_TOKEN: 'tok' };

describe('the portable profile', () => {
  it('a window instead of kiosk mode, the reader on the first USB-serial port, no printer', () => {
    expect(loadKioskConfig({ ...base, RVW_KIOSK_PROFILE: 'portable' }, 'linux')).toMatchObject({
      profile: 'portable',
      fullscreen: false,
      idcard: { path: PORTABLE_READER_PORT, baudRate: 115200 },
      printer: { name: null, none: true },
    });
    expect(PORTABLE_READER_PORT).toBe('/dev/ttyUSB0');
  });

  it('on Windows the COM port must be named (no guess); without one the reader is off', () => {
    expect(loadKioskConfig({ ...base, RVW_KIOSK_PROFILE: 'portable' }, 'win32').idcard).toBeNull();
    expect(
      loadKioskConfig({ ...base, RVW_KIOSK_PROFILE: 'portable', RVW_IDCARD_PORT: 'COM4' }, 'win32').idcard,
    ).toEqual({ path: 'COM4', baudRate: 115200 });
  });

  it('the technician may still name the port, a printer, or full screen', () => {
    const c = loadKioskConfig(
      {
        ...base,
        RVW_KIOSK_PROFILE: 'Portable',
        RVW_IDCARD_PORT: '/dev/serial/by-id/usb-1a86_USB_Serial-if00-port0',
        RVW_IDCARD_BAUD: '9600',
        RVW_KIOSK_PRINTER: 'Canon_SELPHY',
        RVW_KIOSK_FULLSCREEN: 'yes',
      },
      'linux',
    );
    expect(c).toMatchObject({
      profile: 'portable',
      fullscreen: true,
      idcard: { path: '/dev/serial/by-id/usb-1a86_USB_Serial-if00-port0', baudRate: 9600 },
      printer: { name: 'Canon_SELPHY' },
    });
    expect(c.printer?.none).toBeUndefined();
  });

  it('is read from the config file too, the environment winning', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'rvw-kiosk-')), 'kiosk.json');
    const fields = {
      serverUrl: 'https://centre.example',
      kioskToken: 'tok',
      profile: 'portable',
      printer: 'none',
    };
    writeFileSync(file, JSON.stringify(fields));
    expect(loadKioskConfig({ RVW_KIOSK_CONFIG: file }, 'linux')).toMatchObject({
      profile: 'portable',
      fullscreen: false,
      printer: { none: true },
    });
    expect(loadKioskConfig({ RVW_KIOSK_CONFIG: file, RVW_KIOSK_PROFILE: 'fixed' }, 'linux')).toMatchObject({
      profile: 'fixed',
      fullscreen: true,
      idcard: null,
      // The file's printer "none" still holds: a fixed kiosk may have no printer either.
      printer: { none: true },
    });
  });

  it('the fixed profile keeps its defaults; "none" turns its printer off too', () => {
    expect(loadKioskConfig(base, 'linux')).toMatchObject({
      profile: 'fixed',
      fullscreen: true,
      idcard: null,
    });
    expect(loadKioskConfig(base, 'linux').printer).toEqual({ name: null, cupsUrl: 'http://localhost:631' });
    expect(loadKioskConfig({ ...base, RVW_KIOSK_PRINTER: 'NONE' }, 'linux').printer).toMatchObject({
      none: true,
      name: null,
    });
  });

  it('a profile it does not know is refused with a sentence naming the variable', () => {
    expect(() => loadKioskConfig({ ...base, RVW_KIOSK_PROFILE: 'mobile' })).toThrow(
      /RVW_KIOSK_PROFILE \(or profile in the config file\) must be fixed or portable, not "mobile"/,
    );
  });
});
