/**
 * What can be wrong with a kiosk, each with its level (green, amber, red) and its words in both
 * languages. The server derives a kiosk's problems from its latest report; the fleet view and the
 * agent's queue show them.
 */
import { z } from 'zod';
import type { LocalText } from '../catalogue/text';

/** Green: all well. Amber: it serves, something needs a technician soon. Red: it cannot serve as it should. */
export const HealthLevel = z.enum(['green', 'amber', 'red']);
export type HealthLevel = z.infer<typeof HealthLevel>;

/** What can be wrong with a kiosk, each with its level in FLEET_PROBLEMS. */
export const FleetProblemCode = z.enum([
  /** Not heard for longer than the alert rules' offlineAfterS (or never). */
  'offline',
  /** The ID reader is in fault or offline (unplugged, SAM failure). */
  'reader-fault',
  /** No reader is configured or it is disabled. */
  'reader-disabled',
  'printer-out-of-paper',
  /** Offline, jammed, stopped, not accepting or another print problem. */
  'printer-problem',
  /** No print system or queue found (a kiosk configured without a printer is not a problem). */
  'printer-absent',
  /** The system lists no camera. */
  'no-camera',
  /** The system lists no microphone. */
  'no-microphone',
  /** The last readiness check said a video call would fail. */
  'cannot-call',
  /** Free disk below the alert rules' threshold. */
  'disk-low',
  /** An older app version than the update channel's. */
  'version-behind',
]);
export type FleetProblemCode = z.infer<typeof FleetProblemCode>;

/** One thing wrong, with what the device said (a reason code or a message) for technicians. */
export const FleetProblem = z.object({
  code: FleetProblemCode,
  level: HealthLevel,
  detail: z.string().max(300).nullable(),
});
export type FleetProblem = z.infer<typeof FleetProblem>;

/** Each problem's level and words. */
export const FLEET_PROBLEMS: Readonly<Record<FleetProblemCode, { level: HealthLevel; text: LocalText }>> = {
  offline: { level: 'red', text: { zh: '离线', en: 'Offline' } },
  'reader-fault': { level: 'red', text: { zh: '身份证读卡器故障', en: 'ID card reader fault' } },
  'reader-disabled': {
    level: 'amber',
    text: { zh: '未配置身份证读卡器', en: 'No ID card reader configured' },
  },
  'printer-out-of-paper': { level: 'amber', text: { zh: '打印机缺纸', en: 'Printer out of paper' } },
  'printer-problem': { level: 'amber', text: { zh: '打印机不能打印', en: 'Printer cannot print' } },
  'printer-absent': { level: 'amber', text: { zh: '找不到打印机', en: 'No printer found' } },
  'no-camera': { level: 'red', text: { zh: '没有摄像头', en: 'No camera' } },
  'no-microphone': { level: 'red', text: { zh: '没有麦克风', en: 'No microphone' } },
  'cannot-call': { level: 'red', text: { zh: '无法进行视频通话', en: 'Cannot hold a video call' } },
  'disk-low': { level: 'amber', text: { zh: '磁盘空间不足', en: 'Disk almost full' } },
  'version-behind': { level: 'amber', text: { zh: '软件版本落后', en: 'App version behind' } },
};

/** The worst level of a list of problems (green for none). */
export function worstLevel(problems: readonly { level: HealthLevel }[]): HealthLevel {
  if (problems.some((p) => p.level === 'red')) return 'red';
  return problems.some((p) => p.level === 'amber') ? 'amber' : 'green';
}
