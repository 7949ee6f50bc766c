/**
 * The words of transfers in the console (issue 11 #6), both languages (zh-CN the source; the English
 * table has the same keys, the type says so), looked up with the console's current language.
 */
import type { Locale } from '@rvw/shared';
import { useI18n } from '../i18n/I18nContext';
import { fillPlaceholders } from '../i18n/translate';

const zh = {
  'transfer.open': '转接',
  'transfer.title': '转接给其他工作人员',
  'transfer.agents': '工作人员',
  'transfer.skills': '业务组',
  'transfer.loading': '正在读取可转接的人员…',
  'transfer.loadFailed': '读取失败：{reason}',
  'transfer.retry': '重试',
  'transfer.agentsOnline': '{count} 人在线',
  'transfer.noneOnline': '暂无人在线',
  'transfer.status.available': '空闲',
  'transfer.status.in-session': '服务中',
  'transfer.status.wrap-up': '整理中',
  'transfer.status.away': '离开',
  'transfer.status.offline': '离线',
  'transfer.mode': '转接方式',
  'transfer.mode.blind': '直接转接',
  'transfer.mode.blindHint': '居民回到队列最前，由对方接听；您的通话随即结束。',
  'transfer.mode.consulted': '先沟通再转接',
  'transfer.mode.consultedHint': '先与对方视频交接，居民一直与您通话；交接完后点“完成转接”。',
  'transfer.consultedNeedsAgent': '“先沟通再转接”只能选一位空闲的工作人员。',
  'transfer.note': '交接说明（可选，对方可见）',
  'transfer.notePlaceholder': '例如：居民要办理医保报销，材料已齐',
  'transfer.start': '转接',
  'transfer.close': '关闭',
  'transfer.choose': '请选择转接给谁。',
  'transfer.skillGroup': '{skill}组',
  'transfer.out.inviting': '正在邀请 {name}，等待对方接受…',
  'transfer.out.consulting': '正在与 {name} 交接，居民仍与您通话。交接完后点“完成转接”。',
  'transfer.out.queued': '{number} 号已转给{target}，排在队列最前，等待接听。',
  'transfer.out.completed': '{number} 号已由 {name} 接手。',
  'transfer.out.cancelled.declined': '{name} 拒绝了转接，居民仍由您服务。',
  'transfer.out.cancelled.timeout': '{name} 没有及时应答，转接已取消。',
  'transfer.out.cancelled.withdrawn': '转接已取消，居民仍由您服务。',
  'transfer.out.cancelled.session-ended': '通话已结束，转接取消。',
  'transfer.out.cancelled.restart': '服务器重启，交接中断；需要时请重新转接。',
  'transfer.in.inviting': '{name} 请您接手 {number} 号居民',
  'transfer.in.consulting': '正在与 {name} 交接 {number} 号',
  'transfer.in.queued': '{name} 把 {number} 号转给您，请在队列中接听。',
  'transfer.in.completed': '您已接手 {number} 号。',
  'transfer.in.cancelled': '{name} 的转接已取消。',
  'transfer.in.note': '交接说明：{note}',
  'transfer.accept': '接受',
  'transfer.decline': '拒绝',
  'transfer.complete': '完成转接',
  'transfer.cancel': '取消转接',
  'transfer.takeBack': '收回转接',
  'transfer.dismiss': '知道了',
  'transfer.consult.label': '交接通话：{name}',
  'transfer.consult.connecting': '正在连接…',
  'transfer.consult.lost': '连接中断，正在重连…',
  'transfer.consult.elsewhere': '交接通话在您的另一个窗口进行。',
  'transfer.consult.noMedia': '摄像头或麦克风未打开，对方仍能看到、听到您这边的其他设备。',
  'transfer.refused': '转接未成功：{reason}',
  'transfer.error.AGENT_UNAVAILABLE': '对方现在不空闲（离开、忙或离线），请换一位或转给业务组。',
  'transfer.error.CONFLICT': '这位居民正在转接中，请先完成或取消那次转接。',
  'transfer.error.WRONG_STATE': '这次转接已经结束或已被应答。',
  'transfer.error.NOT_SESSION_MEMBER': '您已不在这次通话中。',
  'transfer.error.SESSION_ENDED': '通话已经结束。',
  'transfer.error.FORBIDDEN': '这次转接不是给您的。',
  'transfer.error.AGENT_BUSY': '您正在服务另一位居民，无法收回这次转接。',
  'transfer.record': '转办记录（{count}）',
  'transfer.record.to': '转给 {name}',
  'transfer.record.took': '由 {name} 接手',
  'transfer.phase.inviting': '邀请中',
  'transfer.phase.consulting': '交接中',
  'transfer.phase.queued': '排队等待接听',
  'transfer.phase.completed': '已转接',
  'transfer.phase.cancelled': '已取消',
  'transfer.reason.declined': '对方拒绝',
  'transfer.reason.timeout': '对方未应答',
  'transfer.reason.withdrawn': '发起人取消',
  'transfer.reason.session-ended': '通话结束',
  'transfer.reason.restart': '服务器重启',
};

type Key = keyof typeof zh;

const en: Record<Key, string> = {
  'transfer.open': 'Transfer',
  'transfer.title': 'Transfer to another colleague',
  'transfer.agents': 'Colleagues',
  'transfer.skills': 'Skill groups',
  'transfer.loading': 'Reading who can take a transfer…',
  'transfer.loadFailed': 'Could not read the list: {reason}',
  'transfer.retry': 'Try again',
  'transfer.agentsOnline': '{count} online',
  'transfer.noneOnline': 'Nobody online',
  'transfer.status.available': 'Available',
  'transfer.status.in-session': 'In a session',
  'transfer.status.wrap-up': 'Wrap-up',
  'transfer.status.away': 'Away',
  'transfer.status.offline': 'Offline',
  'transfer.mode': 'How',
  'transfer.mode.blind': 'Transfer now',
  'transfer.mode.blindHint': 'The resident goes to the front of the queue for them; your call ends now.',
  'transfer.mode.consulted': 'Talk first, then transfer',
  'transfer.mode.consultedHint':
    'Hand over on a video call first while the resident stays with you; then press "Complete transfer".',
  'transfer.consultedNeedsAgent': '"Talk first" needs one available colleague.',
  'transfer.note': 'Hand-over note (optional, they will see it)',
  'transfer.notePlaceholder': 'For example: medical insurance claim, documents complete',
  'transfer.start': 'Transfer',
  'transfer.close': 'Close',
  'transfer.choose': 'Choose whom to transfer to.',
  'transfer.skillGroup': '{skill} group',
  'transfer.out.inviting': 'Inviting {name}, waiting for them to accept…',
  'transfer.out.consulting':
    'Handing over to {name}; the resident is still with you. Press "Complete transfer" when done.',
  'transfer.out.queued': 'Ticket {number} went to {target}, at the front of the queue.',
  'transfer.out.completed': '{name} has taken over ticket {number}.',
  'transfer.out.cancelled.declined': '{name} declined; you keep serving the resident.',
  'transfer.out.cancelled.timeout': '{name} did not answer in time; the transfer was cancelled.',
  'transfer.out.cancelled.withdrawn': 'Transfer cancelled; you keep serving the resident.',
  'transfer.out.cancelled.session-ended': 'The call ended, so the transfer was cancelled.',
  'transfer.out.cancelled.restart': 'The server restarted during the hand-over; transfer again if needed.',
  'transfer.in.inviting': '{name} asks you to take over ticket {number}',
  'transfer.in.consulting': 'Handing over ticket {number} with {name}',
  'transfer.in.queued': '{name} transferred ticket {number} to you; take it from the queue.',
  'transfer.in.completed': 'You have taken over ticket {number}.',
  'transfer.in.cancelled': 'The transfer from {name} was cancelled.',
  'transfer.in.note': 'Note: {note}',
  'transfer.accept': 'Accept',
  'transfer.decline': 'Decline',
  'transfer.complete': 'Complete transfer',
  'transfer.cancel': 'Cancel transfer',
  'transfer.takeBack': 'Take back',
  'transfer.dismiss': 'OK',
  'transfer.consult.label': 'Hand-over call: {name}',
  'transfer.consult.connecting': 'Connecting…',
  'transfer.consult.lost': 'Connection lost, reconnecting…',
  'transfer.consult.elsewhere': 'The hand-over call runs in your other window.',
  'transfer.consult.noMedia': 'Your camera or microphone did not open.',
  'transfer.refused': 'Transfer failed: {reason}',
  'transfer.error.AGENT_UNAVAILABLE':
    'They are not available now (away, busy or offline); choose someone else or a skill group.',
  'transfer.error.CONFLICT': 'This resident is already being transferred; finish or cancel that first.',
  'transfer.error.WRONG_STATE': 'This transfer has already ended or been answered.',
  'transfer.error.NOT_SESSION_MEMBER': 'You are no longer in this call.',
  'transfer.error.SESSION_ENDED': 'The call has already ended.',
  'transfer.error.FORBIDDEN': 'This transfer was not offered to you.',
  'transfer.error.AGENT_BUSY': 'You are serving another resident, so the transfer cannot come back to you.',
  'transfer.record': 'Transfers ({count})',
  'transfer.record.to': 'to {name}',
  'transfer.record.took': 'taken by {name}',
  'transfer.phase.inviting': 'Inviting',
  'transfer.phase.consulting': 'Handing over',
  'transfer.phase.queued': 'Waiting in the queue',
  'transfer.phase.completed': 'Transferred',
  'transfer.phase.cancelled': 'Cancelled',
  'transfer.reason.declined': 'declined',
  'transfer.reason.timeout': 'not answered',
  'transfer.reason.withdrawn': 'withdrawn',
  'transfer.reason.session-ended': 'call ended',
  'transfer.reason.restart': 'server restarted',
};

/** The transfer dictionaries (tests check both have the same placeholders). */
export const transferMessages: Record<Locale, Record<Key, string>> = { 'zh-CN': zh, en };

export type TransferTextKey = Key;

/** Fills `{placeholders}`; a missing one stays visible. */
export function transferText(locale: Locale, key: Key, params: Record<string, string | number> = {}): string {
  return fillPlaceholders(transferMessages[locale][key], params);
}

/** The lookup with the console's current language; errors in the transfer's words where it has them. */
export function useTransferText() {
  const { locale, err } = useI18n();
  const tt = (key: Key, params?: Record<string, string | number>) => transferText(locale, key, params);
  const reason = (code: string) => {
    const key = `transfer.error.${code}`;
    return Object.hasOwn(zh, key) ? tt(key as Key) : err(code);
  };
  return { locale, tt, reason };
}
