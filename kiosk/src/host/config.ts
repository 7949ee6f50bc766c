/** Kiosk configuration: from the environment, optionally from a JSON file named by RVW_KIOSK_CONFIG. */
import { readFileSync } from 'node:fs';
import { Locale } from '@rvw/shared';
import { KioskError } from './errors';

/** The reader's serial settings, or null when no port is configured (the reader is then 'disabled'). */
export interface IdCardConfig {
  /** Serial port path, e.g. /dev/ttyUSB0 or COM3. */
  path: string;
  /** Baud rate; default 115200. */
  baudRate: number;
}

/** Everything the kiosk host, web host and Electron main need to know. */
export interface KioskConfig {
  /** Base URL of the signaling server (no trailing slash). */
  serverUrl: string;
  /** The kiosk's secret token (socket.io handshake and the identity API). */
  kioskToken: string;
  /** Default language of the resident screens; default zh-CN. */
  locale: Locale;
  /** The ID-card reader, or null (disabled) when RVW_IDCARD_PORT is absent. */
  idcard: IdCardConfig | null;
  /** Demo mode: the screen shows a panel to place sample cards; default false. */
  demo: boolean;
  /** URL of the reader simulator's HTTP control (demo only), or null. */
  demoSimControl: string | null;
  /** Electron only: full screen + kiosk mode; default true. */
  fullscreen: boolean;
}

/** The shape of the RVW_KIOSK_CONFIG file; every field optional, environment variables win. */
interface FileConfig {
  serverUrl?: string;
  kioskToken?: string;
  locale?: string;
  idcardPort?: string;
  idcardBaud?: number;
  demo?: boolean;
  demoSimControl?: string;
  fullscreen?: boolean;
}

const FILE_FIELDS: Record<keyof FileConfig, 'string' | 'number' | 'boolean'> = {
  serverUrl: 'string',
  kioskToken: 'string',
  locale: 'string',
  idcardPort: 'string',
  idcardBaud: 'number',
  demo: 'boolean',
  demoSimControl: 'string',
  fullscreen: 'boolean',
};

// Checks the file's fields by hand: the file is small and its errors must name the field.
function parseFileConfig(json: unknown, filePath: string): FileConfig {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw KioskError.configInvalid(`${filePath} must hold a JSON object`);
  const out: Record<string, unknown> = {};
  for (const [key, type] of Object.entries(FILE_FIELDS)) {
    const value = (json as Record<string, unknown>)[key];
    if (value === undefined) continue;
    if (typeof value !== type) throw KioskError.configInvalid(`${filePath}: ${key} must be a ${type}`);
    out[key] = value;
  }
  return out as FileConfig;
}

function isUrl(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

function flag(value: string | undefined): boolean | undefined {
  if (value === undefined || value === '') return undefined;
  return /^(1|true|yes|on)$/i.test(value.trim());
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/**
 * Reads the configuration. Environment variables win over the file: RVW_SERVER_URL, RVW_KIOSK_TOKEN,
 * RVW_KIOSK_CONFIG (JSON file with serverUrl, kioskToken, ...), RVW_IDCARD_PORT, RVW_IDCARD_BAUD
 * (115200), RVW_LOCALE (zh-CN), RVW_DEMO, RVW_DEMO_SIM_CONTROL, RVW_KIOSK_FULLSCREEN (true).
 * Throws a CONFIG_INVALID KioskError naming the bad value.
 */
export function loadKioskConfig(env: NodeJS.ProcessEnv = process.env): KioskConfig {
  let file: FileConfig = {};
  const filePath = nonEmpty(env.RVW_KIOSK_CONFIG);
  if (filePath) {
    let text: string;
    try {
      text = readFileSync(filePath, 'utf8');
    } catch {
      throw KioskError.configInvalid(`RVW_KIOSK_CONFIG names a file that cannot be read (${filePath})`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw KioskError.configInvalid(`${filePath} is not valid JSON`);
    }
    file = parseFileConfig(json, filePath);
  }

  const serverUrl = nonEmpty(env.RVW_SERVER_URL) ?? nonEmpty(file.serverUrl);
  if (!serverUrl)
    throw KioskError.configInvalid('RVW_SERVER_URL (or serverUrl in the config file) is missing');
  if (!isUrl(serverUrl) || !/^https?:\/\//.test(serverUrl))
    throw KioskError.configInvalid('the server URL must be an http(s) URL');

  const kioskToken = nonEmpty(env.RVW_KIOSK_TOKEN) ?? nonEmpty(file.kioskToken);
  if (!kioskToken)
    throw KioskError.configInvalid('RVW_KIOSK_TOKEN (or kioskToken in the config file) is missing');

  const localeText = nonEmpty(env.RVW_LOCALE) ?? nonEmpty(file.locale) ?? 'zh-CN';
  const locale = Locale.safeParse(localeText);
  if (!locale.success) throw KioskError.configInvalid(`RVW_LOCALE must be zh-CN or en, not "${localeText}"`);

  const port = nonEmpty(env.RVW_IDCARD_PORT) ?? nonEmpty(file.idcardPort);
  const baudText = nonEmpty(env.RVW_IDCARD_BAUD);
  const baudRate = baudText !== undefined ? Number(baudText) : (file.idcardBaud ?? 115200);
  if (!Number.isInteger(baudRate) || ![9600, 19200, 38400, 57600, 115200].includes(baudRate))
    throw KioskError.configInvalid('RVW_IDCARD_BAUD must be one of 9600, 19200, 38400, 57600, 115200');

  const demoSimControl = nonEmpty(env.RVW_DEMO_SIM_CONTROL) ?? nonEmpty(file.demoSimControl) ?? null;
  if (demoSimControl !== null && !isUrl(demoSimControl))
    throw KioskError.configInvalid('RVW_DEMO_SIM_CONTROL must be a URL');

  return {
    serverUrl: serverUrl.replace(/\/+$/, ''),
    kioskToken,
    locale: locale.data,
    idcard: port ? { path: port, baudRate } : null,
    demo: flag(env.RVW_DEMO) ?? file.demo ?? false,
    demoSimControl,
    fullscreen: flag(env.RVW_KIOSK_FULLSCREEN) ?? file.fullscreen ?? true,
  };
}
