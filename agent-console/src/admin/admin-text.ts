/**
 * The administration page's words for issue 11 (skills, centre, kiosk kind), zh-CN and English (the
 * same keys; a test checks the placeholders), looked up with the console's current language.
 */
import type { Locale } from '@rvw/shared';
import { useI18n } from '../i18n/I18nContext';
import { fillPlaceholders } from '../i18n/translate';

const zh = {
  skills: '业务技能',
  skillsHint: '不勾选时只接“直接问工作人员”的号。',
  skillsNone: '仅“直接问工作人员”',
  skillsEdit: '修改',
  skillsSave: '保存',
  skillsCancel: '取消',
  skillsSaved: '已保存 {name} 的业务技能。',
  centre: '所属中心',
  centreOwn: '新账号和终端都属于本中心：{name}',
  kind: '终端类型',
  'kind.fixed': '固定终端',
  'kind.portable': '上门办（便携）',
};

type Key = keyof typeof zh;

const en: Record<Key, string> = {
  skills: 'Skills',
  skillsHint: 'With none ticked, they take only "ask staff" tickets.',
  skillsNone: '"Ask staff" only',
  skillsEdit: 'Change',
  skillsSave: 'Save',
  skillsCancel: 'Cancel',
  skillsSaved: "Saved {name}'s skills.",
  centre: 'Centre',
  centreOwn: 'New accounts and kiosks belong to your centre: {name}',
  kind: 'Kind',
  'kind.fixed': 'Fixed kiosk',
  'kind.portable': 'Door-to-door (portable)',
};

/** The dictionaries (a test checks both have the same placeholders). */
export const adminMessages: Record<Locale, Record<Key, string>> = { 'zh-CN': zh, en };

export type AdminTextKey = Key;

/** Fills `{placeholders}`; a missing one stays visible. */
export function adminText(locale: Locale, key: Key, params: Record<string, string | number> = {}): string {
  return fillPlaceholders(adminMessages[locale][key], params);
}

/** The lookup with the console's current language. */
export function useAdminText() {
  const { locale } = useI18n();
  return {
    locale,
    at: (key: Key, params?: Record<string, string | number>) => adminText(locale, key, params),
  };
}
