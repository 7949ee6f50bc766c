/**
 * The words of the supervisor's 实时 tab (issue 11 #9), zh-CN and English (the English table has
 * the same keys: the type says so, a test checks the placeholders), looked up with the console's
 * current language. Error codes without words here fall back to the console's (useI18n().err).
 */
import type { Locale } from '@rvw/shared';
import { useI18n } from '../../i18n/I18nContext';
import { fillPlaceholders } from '../../i18n/translate';

const zh = {
  tab: '实时',
  heading: '实时监控',
  loading: '正在读取实时数据…',
  loadFailed: '读取失败：{reason}',
  retry: '重试',
  updatedAt: '更新于 {time}',
  centre: '{name}',

  'queue.heading': '排队情况',
  'queue.col.need': '业务类别',
  'queue.col.waiting': '等候人数',
  'queue.col.longest': '最长等候',
  'queue.col.missed': '今日派单未接',
  'queue.none': '—',

  'agents.heading': '工作人员',
  'agents.col.name': '姓名',
  'agents.col.skills': '业务',
  'agents.col.status': '状态',
  'agents.col.for': '持续',
  'agents.col.session': '当前服务',
  'agents.none': '本中心还没有工作人员。',
  'agents.offline': '（未登录）',
  'agents.noSkills': '仅“直接问工作人员”',

  'sessions.heading': '正在服务',
  'sessions.col.number': '号码',
  'sessions.col.agent': '工作人员',
  'sessions.col.kiosk': '终端',
  'sessions.col.duration': '时长',
  'sessions.none': '当前没有正在进行的服务。',
  'sessions.cross': '跨中心',

  'today.heading': '今日数据',
  'today.firstResponse': '1分钟内应答',
  'today.firstResponseOf': '已应答 {count} 人',
  'today.resolved': '办结+受理占比',
  'today.resolvedOf': '已办结事项 {count} 件',
  'today.notDone': '办不成',
  'today.notDoneUnit': '件',
  'today.handling': '平均办理时长',
  'today.handlingNone': '今日还没有结束的服务',
  'today.cross': '跨中心服务 {count} 次',
  'today.portable': '上门办 {count} 次',
  'today.none': '—',

  'ratings.heading': '今日评价',
  'ratings.notRated': '未评价 {count}',
  'ratings.total': '共 {count} 条评价',

  'followUps.heading': '待处理差评回访',
  'followUps.none': '没有待处理的回访。',
  'followUps.agent': '被评价：{name}',
  'followUps.case': '办件 {numbers}',
  'followUps.assignedTo': '负责人：{name}',
  'followUps.unassigned': '尚未指派',
  'followUps.assign': '指派',
  'followUps.assignTo': '指派给',
  'followUps.choose': '请选择',
  'followUps.note': '添加备注',
  'followUps.notePlaceholder': '例如：已电话联系居民，约定周五回访',
  'followUps.noteSave': '保存备注',
  'followUps.close': '处理完毕并关闭',
  'followUps.closePlaceholder': '写明处理结果（必填）',
  'followUps.cancel': '取消',
  'followUps.textShort': '请至少写两个字。',

  'charts.heading': '图表',
  'charts.day': '日期',
  'charts.queue': '等候人数与最长等候',
  'charts.queue.waiting': '等候人数',
  'charts.queue.longest': '最长等候（分钟）',
  'charts.queue.target': '10分钟目标',
  'charts.firstResponse': '每小时应答与1分钟内应答率',
  'charts.firstResponse.answered': '应答人数',
  'charts.firstResponse.share': '1分钟内应答率（%）',
  'charts.ratings': '近14天评价',
  'charts.hour': '{hour}时',
  'charts.empty': '这一天还没有数据。',

  'report.heading': '日报',
  'report.date': '日期',
  'report.download': '下载日报',
  'report.downloading': '正在生成…',
  'report.hint': 'CSV 文件，可直接用 Excel 或 WPS 打开。',
};

type Key = keyof typeof zh;

const en: Record<Key, string> = {
  tab: 'Live',
  heading: 'Live view',
  loading: 'Reading the live view…',
  loadFailed: 'Could not read it: {reason}',
  retry: 'Try again',
  updatedAt: 'Updated {time}',
  centre: '{name}',

  'queue.heading': 'Queue',
  'queue.col.need': 'Need',
  'queue.col.waiting': 'Waiting',
  'queue.col.longest': 'Longest wait',
  'queue.col.missed': 'Offers missed today',
  'queue.none': '—',

  'agents.heading': 'Staff',
  'agents.col.name': 'Name',
  'agents.col.skills': 'Skills',
  'agents.col.status': 'Status',
  'agents.col.for': 'For',
  'agents.col.session': 'Serving',
  'agents.none': 'This centre has no staff yet.',
  'agents.offline': '(not signed in)',
  'agents.noSkills': '"Ask staff" only',

  'sessions.heading': 'In progress',
  'sessions.col.number': 'Number',
  'sessions.col.agent': 'Staff',
  'sessions.col.kiosk': 'Kiosk',
  'sessions.col.duration': 'Duration',
  'sessions.none': 'No session in progress.',
  'sessions.cross': 'Cross-centre',

  'today.heading': 'Today',
  'today.firstResponse': 'Answered within 1 minute',
  'today.firstResponseOf': '{count} answered',
  'today.resolved': 'Completed or accepted',
  'today.resolvedOf': '{count} matters closed',
  'today.notDone': 'Could not be done',
  'today.notDoneUnit': '',
  'today.handling': 'Mean handling time',
  'today.handlingNone': 'No session has ended today',
  'today.cross': '{count} cross-centre sessions',
  'today.portable': '{count} door-to-door sessions',
  'today.none': '—',

  'ratings.heading': "Today's ratings",
  'ratings.notRated': '{count} not rated',
  'ratings.total': '{count} ratings',

  'followUps.heading': 'Low-rating follow-ups waiting',
  'followUps.none': 'No follow-up is waiting.',
  'followUps.agent': 'Rated: {name}',
  'followUps.case': 'Case {numbers}',
  'followUps.assignedTo': 'Assigned to {name}',
  'followUps.unassigned': 'Not assigned',
  'followUps.assign': 'Assign',
  'followUps.assignTo': 'Assign to',
  'followUps.choose': 'Choose',
  'followUps.note': 'Add a note',
  'followUps.notePlaceholder': 'e.g. Called the resident; calling back on Friday',
  'followUps.noteSave': 'Save note',
  'followUps.close': 'Done: close it',
  'followUps.closePlaceholder': 'What was done (required)',
  'followUps.cancel': 'Cancel',
  'followUps.textShort': 'Please write at least two characters.',

  'charts.heading': 'Charts',
  'charts.day': 'Day',
  'charts.queue': 'Waiting and longest wait',
  'charts.queue.waiting': 'Waiting',
  'charts.queue.longest': 'Longest wait (min)',
  'charts.queue.target': '10-minute target',
  'charts.firstResponse': 'Answered per hour, and the share within 1 minute',
  'charts.firstResponse.answered': 'Answered',
  'charts.firstResponse.share': 'Within 1 minute (%)',
  'charts.ratings': 'Ratings, last 14 days',
  'charts.hour': '{hour}:00',
  'charts.empty': 'No data for this day yet.',

  'report.heading': 'Daily report',
  'report.date': 'Day',
  'report.download': 'Download the daily report',
  'report.downloading': 'Preparing…',
  'report.hint': 'A CSV file; Excel and WPS open it as it is.',
};

/** The live view's dictionaries (a test checks both have the same placeholders). */
export const liveMessages: Record<Locale, Record<Key, string>> = { 'zh-CN': zh, en };

export type LiveTextKey = Key;

/** Fills `{placeholders}`; a missing one stays visible. */
export function liveText(locale: Locale, key: Key, params: Record<string, string | number> = {}): string {
  return fillPlaceholders(liveMessages[locale][key], params);
}

/** The lookup with the console's current language, and its error sentences. */
export function useLiveText() {
  const { locale, err } = useI18n();
  const lt = (key: Key, params?: Record<string, string | number>) => liveText(locale, key, params);
  return { locale, lt, err };
}
