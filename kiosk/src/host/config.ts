/**
 * Kiosk configuration: environment variables over a JSON file: the one RVW_KIOSK_CONFIG names, else
 * `kiosk.json` in the kiosk's data folder when there is one (see data-dir.ts).
 * Every setting is validated with zod, as the server's are; a bad value fails fast with a sentence
 * naming the variable (and the file's field).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { Locale } from '@rvw/shared';
import {
  DISPLAY_LAYOUTS,
  DISPLAY_SELECTOR_FORMS,
  parseDisplaySelector,
  sameSelector,
  type DisplayLayout,
} from './display-layout';
import { KIOSK_CONFIG_FILE, kioskDataDir } from './data-dir';
import { KioskError } from './errors';

/** The reader's serial settings, or null when no port is configured (the reader is then 'disabled'). */
export interface IdCardConfig {
  /** Serial port path, e.g. /dev/ttyUSB0 or COM3. */
  path: string;
  /** Baud rate; default 115200. */
  baudRate: number;
  /** Poll interval while idle on welcome, ms (RVW_IDCARD_POLL_IDLE_MS); absent: 60 (reader-pace.ts). */
  pollIdleMs?: number;
  /** Poll interval while a resident is served, ms (RVW_IDCARD_POLL_SERVING_MS); absent: 500. */
  pollServingMs?: number;
}

/** The printer (issue 10): a CUPS queue or Windows printer by name, or the system default. */
export interface PrinterConfig {
  /** The queue's name; null for the system's default printer. */
  name: string | null;
  /** CUPS' address (Linux only); default http://localhost:631. */
  cupsUrl: string;
  /**
   * True: this kiosk has no printer (RVW_KIOSK_PRINTER=none; the door-to-door profile's default).
   * Not a fault: a print offer is answered at once with `no-printer`, so the agent knows.
   */
  none?: boolean;
}

/**
 * What the machine is (issue 11 #10): `fixed`, the kiosk in a committee office (kiosk mode, full
 * screen); `portable`, the door-to-door machine (上门办) staff carry to a bed-bound resident's home
 * (a normal window, the ID reader over USB-serial, no printer unless one is named, a mobile network).
 */
export const KIOSK_PROFILES = ['fixed', 'portable'] as const;
export type KioskProfile = (typeof KIOSK_PROFILES)[number];

/** The reader's serial port on a portable machine when none is named: the first USB-serial adapter (Linux). */
export const PORTABLE_READER_PORT = '/dev/ttyUSB0';

/** The RVW_KIOSK_PRINTER value that means "this machine has no printer". */
export const NO_PRINTER = 'none';

/** The printer settings when none are given: the system default through the local CUPS. */
export const DEFAULT_PRINTER_CONFIG: PrinterConfig = { name: null, cupsUrl: 'http://localhost:631' };

/** Everything the kiosk host, web host and Electron main need to know. */
export interface KioskConfig {
  /** Base URL of the signaling server (no trailing slash). */
  serverUrl: string;
  /**
   * The kiosk's secret token (socket.io handshake and the HTTP API); host side only. '' when none is
   * configured: the host then loads it from the credential store (not enrolled when that has none),
   * and keeps the token it uses now here (enrolment and rotation replace it while it runs).
   */
  kioskToken: string;
  /** Default language of the resident screens; default zh-CN. */
  locale: Locale;
  /** The ID-card reader, or null (disabled) when RVW_IDCARD_PORT is absent. */
  idcard: IdCardConfig | null;
  /** Demo mode: the screen shows a panel to place sample cards; default false. */
  demo: boolean;
  /** URL of the reader simulator's HTTP control (demo only), or null. */
  demoSimControl: string | null;
  /** Electron only: full screen + kiosk mode; default true (false for the portable profile). */
  fullscreen: boolean;
  /** The machine's profile; absent: fixed (loadKioskConfig always fills it). */
  profile?: KioskProfile;
  /** Electron only: one window, or the video and touch windows on two displays; absent: single. */
  display?: DisplayLayout;
  /** The printer; absent: {@link DEFAULT_PRINTER_CONFIG} (loadKioskConfig always fills it). */
  printer?: PrinterConfig;
  /** A part of the document camera's device label; null or absent: the face camera serves. */
  documentCamera?: string | null;
  /** How often the fleet heartbeat goes when nothing changes, ms (RVW_HEARTBEAT_MS); absent: 30 s. */
  heartbeatMs?: number;
}

/** Baud rates the GA 467 reader speaks. */
const BAUD_RATES = [9600, 19200, 38400, 57600, 115200] as const;

const isUrl = (value: string): boolean => URL.canParse(value);

const FLAG = 'must be a boolean (1, true, yes, on or 0, false, no, off)';

const displaySetting = z
  .string()
  .trim()
  .refine((v) => parseDisplaySelector(v) !== null, {
    error: (iss) => `must be ${DISPLAY_SELECTOR_FORMS}, not "${String(iss.input)}"`,
  });

/** A reader poll interval: 20 ms (a find takes ~2 ms on the wire) to 10 s. */
const pollMs = z
  .number({ error: 'must be a number' })
  .int('must be a whole number of milliseconds')
  .min(20, 'must be at least 20 (ms)')
  .max(10_000, 'must be at most 10000 (ms)');

/** The settings, flat, as the file names them; environment variables carry the same, as text. */
export const KioskSettingsSchema = z.object({
  /** Base URL of the signaling server, http(s); required. */
  serverUrl: z
    .string({ error: 'is missing' })
    .trim()
    .min(1, 'is missing')
    .refine((v) => isUrl(v) && /^https?:\/\//.test(v), 'must be an http(s) URL')
    .transform((v) => v.replace(/\/+$/, '')),
  /** The kiosk's secret token; default none (then the credential store's, or not enrolled). */
  kioskToken: z.string().trim().default(''),
  /** Default language of the resident screens; default zh-CN. */
  locale: z
    .string()
    .trim()
    .refine((v) => Locale.safeParse(v).success, {
      error: (iss) => `must be zh-CN or en, not "${String(iss.input)}"`,
    })
    .transform((v) => v as Locale)
    .default('zh-CN'),
  /** Serial port of the ID-card reader; default none (the reader is disabled). */
  idcardPort: z.string().trim().optional(),
  /** Baud rate of the reader; default 115200. */
  idcardBaud: z
    .number({ error: 'must be a number' })
    .refine((v) => (BAUD_RATES as readonly number[]).includes(v), `must be one of ${BAUD_RATES.join(', ')}`)
    .default(115200),
  /** The reader's poll interval while idle on welcome, ms; default 60 (DEFAULT_IDLE_POLL_MS). */
  idcardPollIdleMs: pollMs.optional(),
  /** The reader's poll interval while a resident is served, ms; default 500 (DEFAULT_SERVING_POLL_MS). */
  idcardPollServingMs: pollMs.optional(),
  /** Demo mode; default false. */
  demo: z.boolean({ error: FLAG }).default(false),
  /** URL of the reader simulator's HTTP control (demo only); default none. */
  demoSimControl: z.string().trim().refine(isUrl, 'must be a URL').optional(),
  /** Electron only: full screen + kiosk mode; default true, false for the portable profile. */
  fullscreen: z.boolean({ error: FLAG }).optional(),
  /** `fixed` (default) or `portable` (door-to-door, 上门办). */
  profile: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(KIOSK_PROFILES, { error: (iss) => `must be fixed or portable, not "${String(iss.input)}"` }))
    .default('fixed'),
  /** Electron only: `single` (one window) or `dual` (video and touch on two displays); default single. */
  layout: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(DISPLAY_LAYOUTS, { error: (iss) => `must be single or dual, not "${String(iss.input)}"` }))
    .default('single'),
  /** Dual layout: the display of the agent's video; default upper. */
  videoDisplay: displaySetting.default('upper'),
  /** Dual layout: the touch screen; default lower. */
  touchDisplay: displaySetting.default('lower'),
  /** The print queue's name, or `none` (no printer); default the system's default printer (none when portable). */
  printer: z.string().trim().max(127, 'must be at most 127 characters').optional(),
  /** CUPS' address, http(s) or ipp(s); default http://localhost:631. */
  cupsUrl: z
    .string()
    .trim()
    .refine((v) => isUrl(v) && /^(https?|ipps?):\/\//.test(v), 'must be an http(s) or ipp(s) URL')
    .transform((v) => v.replace(/\/+$/, ''))
    .default(DEFAULT_PRINTER_CONFIG.cupsUrl),
  /** A part of the document camera's device label; default none (the face camera serves). */
  documentCamera: z.string().trim().max(200, 'must be at most 200 characters').optional(),
  /** The fleet heartbeat's interval in ms; default 30000 (DEFAULT_HEARTBEAT_INTERVAL_MS). */
  heartbeatMs: z
    .number({ error: 'must be a number' })
    .int('must be a whole number of milliseconds')
    .min(1000, 'must be at least 1000 (ms)')
    .max(3_600_000, 'must be at most 3600000 (ms)')
    .optional(),
});

/** The settings as read: every one optional, defaults filled in by the schema. */
export type KioskSettingsInput = z.input<typeof KioskSettingsSchema>;

/** Environment variable for each setting. */
export const kioskConfigEnv: Record<keyof KioskSettingsInput, string> = {
  serverUrl: 'RVW_SERVER_URL',
  kioskToken: 'RVW_KIOSK_TOKEN',
  locale: 'RVW_LOCALE',
  idcardPort: 'RVW_IDCARD_PORT',
  idcardBaud: 'RVW_IDCARD_BAUD',
  idcardPollIdleMs: 'RVW_IDCARD_POLL_IDLE_MS',
  idcardPollServingMs: 'RVW_IDCARD_POLL_SERVING_MS',
  demo: 'RVW_DEMO',
  demoSimControl: 'RVW_DEMO_SIM_CONTROL',
  fullscreen: 'RVW_KIOSK_FULLSCREEN',
  profile: 'RVW_KIOSK_PROFILE',
  layout: 'RVW_KIOSK_LAYOUT',
  videoDisplay: 'RVW_KIOSK_VIDEO_DISPLAY',
  touchDisplay: 'RVW_KIOSK_TOUCH_DISPLAY',
  printer: 'RVW_KIOSK_PRINTER',
  cupsUrl: 'RVW_KIOSK_CUPS_URL',
  documentCamera: 'RVW_KIOSK_DOCUMENT_CAMERA',
  heartbeatMs: 'RVW_HEARTBEAT_MS',
};

/** Text from the environment as the schema's type: numbers and yes/no flags are converted. */
function fromEnv(key: keyof KioskSettingsInput, raw: string): unknown {
  const text = raw.trim();
  if (
    key === 'idcardBaud' ||
    key === 'heartbeatMs' ||
    key === 'idcardPollIdleMs' ||
    key === 'idcardPollServingMs'
  )
    return /^\d+$/.test(text) ? Number(text) : text;
  if (key === 'demo' || key === 'fullscreen') {
    if (/^(1|true|yes|on)$/i.test(text)) return true;
    if (/^(0|false|no|off)$/i.test(text)) return false;
    return text;
  }
  return text;
}

/** The name a person looks for: the variable, and the config file's field. */
function settingName(key: string): string {
  const variable = kioskConfigEnv[key as keyof KioskSettingsInput] ?? key;
  return `${variable} (or ${key} in the config file)`;
}

// The file's fields by type; whether a value is acceptable is judged with the variables.
const KioskFileTypes = z.object({
  serverUrl: z.string().optional(),
  kioskToken: z.string().optional(),
  locale: z.string().optional(),
  idcardPort: z.string().optional(),
  idcardBaud: z.number().optional(),
  idcardPollIdleMs: z.number().optional(),
  idcardPollServingMs: z.number().optional(),
  demo: z.boolean().optional(),
  demoSimControl: z.string().optional(),
  fullscreen: z.boolean().optional(),
  profile: z.string().optional(),
  layout: z.string().optional(),
  videoDisplay: z.string().optional(),
  touchDisplay: z.string().optional(),
  printer: z.string().optional(),
  cupsUrl: z.string().optional(),
  documentCamera: z.string().optional(),
  heartbeatMs: z.number().optional(),
});

/** Reads and checks the RVW_KIOSK_CONFIG file; every field optional, unknown fields ignored. */
function readConfigFile(filePath: string, named = true): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch {
    throw KioskError.configInvalid(
      named
        ? `RVW_KIOSK_CONFIG names a file that cannot be read (${filePath})`
        : `the kiosk's configuration file cannot be read (${filePath})`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw KioskError.configInvalid(`${filePath} is not valid JSON`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw KioskError.configInvalid(`${filePath} must hold a JSON object`);
  const types = KioskFileTypes.safeParse(json);
  if (!types.success) {
    const issue = types.error.issues[0]!;
    const expected = issue.code === 'invalid_type' ? issue.expected : 'valid value';
    throw KioskError.configInvalid(`${filePath}: ${String(issue.path[0])} must be a ${expected}`);
  }
  return types.data;
}

/**
 * Reads the configuration. Environment variables win over the file: RVW_SERVER_URL, RVW_KIOSK_TOKEN
 * (optional: else the credential store's), RVW_KIOSK_CONFIG (JSON file with serverUrl, kioskToken,
 * ...; default `kiosk.json` in the data folder if present), RVW_KIOSK_DATA_DIR, RVW_IDCARD_PORT, RVW_IDCARD_BAUD
 * (115200), RVW_IDCARD_POLL_IDLE_MS (60), RVW_IDCARD_POLL_SERVING_MS (500), RVW_LOCALE (zh-CN),
 * RVW_DEMO, RVW_DEMO_SIM_CONTROL, RVW_KIOSK_FULLSCREEN (true),
 * RVW_KIOSK_LAYOUT (single), RVW_KIOSK_VIDEO_DISPLAY (upper), RVW_KIOSK_TOUCH_DISPLAY (lower),
 * RVW_KIOSK_PRINTER (the system default), RVW_KIOSK_CUPS_URL (http://localhost:631),
 * RVW_KIOSK_DOCUMENT_CAMERA (none: the face camera serves), RVW_KIOSK_PROFILE (fixed),
 * RVW_HEARTBEAT_MS (30000).
 * The portable profile changes three defaults: a window instead of full screen, the reader on
 * PORTABLE_READER_PORT (Linux), and no printer; each can still be set.
 * Throws a CONFIG_INVALID KioskError whose sentence names the bad variable.
 */
export function loadKioskConfig(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): KioskConfig {
  const filePath = env.RVW_KIOSK_CONFIG?.trim();
  const defaultFile = join(kioskDataDir(env, platform), KIOSK_CONFIG_FILE);
  const file = filePath
    ? readConfigFile(filePath)
    : existsSync(defaultFile)
      ? readConfigFile(defaultFile, false)
      : {};
  const input: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(file)) {
    // An empty string in the file means "not set", as an empty variable does.
    if (typeof value !== 'string' || value.trim() !== '') input[key] = value;
  }
  for (const key of Object.keys(kioskConfigEnv) as (keyof KioskSettingsInput)[]) {
    const raw = env[kioskConfigEnv[key]];
    if (raw !== undefined && raw.trim() !== '') input[key] = fromEnv(key, raw);
  }
  const result = KioskSettingsSchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw KioskError.configInvalid(`${settingName(String(issue.path[0]))} ${issue.message}`);
  }
  const s = result.data;
  const portable = s.profile === 'portable';
  // The portable machine's reader is a USB-serial adapter; Windows names its COM port per machine.
  const idcardPort = s.idcardPort || (portable && platform !== 'win32' ? PORTABLE_READER_PORT : '');
  const printer = s.printer || (portable ? NO_PRINTER : '');
  const noPrinter = printer.toLowerCase() === NO_PRINTER;
  return {
    serverUrl: s.serverUrl,
    kioskToken: s.kioskToken,
    locale: s.locale,
    idcard: idcardPort
      ? {
          path: idcardPort,
          baudRate: s.idcardBaud,
          ...(s.idcardPollIdleMs !== undefined ? { pollIdleMs: s.idcardPollIdleMs } : {}),
          ...(s.idcardPollServingMs !== undefined ? { pollServingMs: s.idcardPollServingMs } : {}),
        }
      : null,
    demo: s.demo,
    demoSimControl: s.demoSimControl ?? null,
    fullscreen: s.fullscreen ?? !portable,
    profile: s.profile,
    display: displayLayoutOf(s),
    printer: noPrinter
      ? { name: null, cupsUrl: s.cupsUrl, none: true }
      : { name: printer || null, cupsUrl: s.cupsUrl },
    documentCamera: s.documentCamera || null,
    ...(s.heartbeatMs !== undefined ? { heartbeatMs: s.heartbeatMs } : {}),
  };
}

/** The layout the settings describe; the two displays of a dual layout must differ. */
function displayLayoutOf(s: z.output<typeof KioskSettingsSchema>): DisplayLayout {
  if (s.layout !== 'dual') return { layout: 'single' };
  // Both were checked by the schema.
  const video = parseDisplaySelector(s.videoDisplay)!;
  const touch = parseDisplaySelector(s.touchDisplay)!;
  if (sameSelector(video, touch))
    throw KioskError.configInvalid(
      `${settingName('touchDisplay')} must name another display than ${settingName('videoDisplay')} (both are "${s.touchDisplay}")`,
    );
  return { layout: 'dual', video, touch };
}
