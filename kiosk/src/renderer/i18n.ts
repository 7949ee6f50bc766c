/** The resident screens' words, zh-CN (default) and English; every key exists in both. */
import type { CardSummary, Locale } from '@rvw/shared';

const zh = {
  'app.title': '远程虚拟窗口',
  'lang.switch': 'English',
  'speech.repeat': '再听一遍',
  'welcome.placeCard': '请将身份证放在读卡器上',
  'welcome.placeCardHint': '读卡器在屏幕下方，放上去就行，不用按任何按钮',
  'welcome.callWithoutCard': '没有身份证？直接呼叫工作人员',
  'welcome.readerOffline': '读卡器暂时无法使用',
  'welcome.readerOfflineHint': '没关系，请直接呼叫工作人员，一样可以为您办理',
  'welcome.callAgent': '呼叫工作人员',
  'demo.title': '演示：放置示例证件',
  'demo.resident': '居民身份证',
  'demo.hkMacaoTaiwan': '港澳台居民居住证',
  'demo.foreignPermanent': '外国人永久居留证',
  'demo.foreignPermanent2023': '外国人永久居留身份证（2023版）',
  'demo.remove': '取走证件',
  'greeting.hello': '{name}，您好',
  'greeting.helloNoName': '您好',
  'greeting.ms': '{family}女士',
  'greeting.mr': '{family}先生',
  'greeting.idLabel': '证件号码',
  'greeting.confirm': '请确认是您本人',
  'greeting.yes': '是我本人',
  'greeting.no': '不是我',
  'consent.title': '把您的信息告诉工作人员吗？',
  'consent.question': '为了给您办事，工作人员需要知道您的姓名和身份证号码。',
  'consent.note': '不同意也可以办理，工作人员会当面问您。',
  'consent.yes': '同意，呼叫工作人员',
  'consent.no': '不同意，直接呼叫',
  'requesting.text': '正在为您取号，请稍候',
  'waiting.yourNumber': '您的号码',
  'waiting.ahead': '前面还有 {n} 位',
  'waiting.next': '下一位就是您',
  'waiting.reassure': '工作人员马上为您服务，请稍候',
  'waiting.rest': '您可以坐下休息，轮到您时会有声音提醒',
  'waiting.identityNotSent': '您的信息没有发送成功，工作人员会当面核对',
  'waiting.cancel': '不办了，取消',
  'call.agent': '工作人员：{name}',
  'call.connecting': '正在接通视频，请稍候',
  'call.you': '您',
  'call.hangUp': '挂断',
  'thanks.title': '谢谢您，本次办理结束',
  'thanks.wiped': '您的证件信息已从本机清除。',
  'thanks.takeCard': '请记得取走您的身份证。',
  'thanks.done': '好的',
  'problem.server': '暂时连不上服务中心',
  'problem.serverHint': '请稍后再试，或请身边的工作人员帮忙。',
  'problem.alreadyQueued': '这台机器已经在排队了',
  'problem.alreadyQueuedHint': '请稍等，或请身边的工作人员帮忙。',
  'problem.back': '返回首页',
  'speak.welcome': '您好。请将身份证放在读卡器上。没有身份证，也可以直接呼叫工作人员。',
  'speak.welcomeOffline': '您好。读卡器暂时无法使用。请点屏幕上的按钮，直接呼叫工作人员。',
  'speak.greeting': '{hello}。请确认是您本人。',
  'speak.consent': '为了给您办事，工作人员需要知道您的姓名和身份证号码。您同意吗？',
  'speak.waiting': '您的号码是 {number}。工作人员马上为您服务，请稍候。',
  'speak.call': '已经接通工作人员，请对着屏幕说话。',
  'speak.thanks': '谢谢您，本次办理结束。请记得取走您的身份证。',
  'speak.problem': '暂时连不上服务中心，请请身边的工作人员帮忙。',
} as const;

/** A message key; the zh-CN dictionary defines the set, and English must have each one. */
export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  'app.title': 'Remote service window',
  'lang.switch': '中文',
  'speech.repeat': 'Say it again',
  'welcome.placeCard': 'Please place your ID card on the reader',
  'welcome.placeCardHint': 'The reader is below the screen. Just lay the card on it; no buttons needed.',
  'welcome.callWithoutCard': 'No ID card? Call a staff member',
  'welcome.readerOffline': 'The card reader is not working right now',
  'welcome.readerOfflineHint': 'That is fine: call a staff member and we will still help you.',
  'welcome.callAgent': 'Call a staff member',
  'demo.title': 'Demo: place a sample card',
  'demo.resident': 'Resident ID card',
  'demo.hkMacaoTaiwan': 'HK/Macao/Taiwan residence permit',
  'demo.foreignPermanent': 'Foreigner permanent residence card',
  'demo.foreignPermanent2023': 'Foreigner permanent residence ID (2023)',
  'demo.remove': 'Remove the card',
  'greeting.hello': 'Hello, {name}',
  'greeting.helloNoName': 'Hello',
  'greeting.ms': 'Ms {family}',
  'greeting.mr': 'Mr {family}',
  'greeting.idLabel': 'ID number',
  'greeting.confirm': 'Please confirm that this is you',
  'greeting.yes': 'Yes, this is me',
  'greeting.no': 'This is not me',
  'consent.title': 'May we tell the staff member who you are?',
  'consent.question': 'To handle your matter, the staff member needs your name and ID number.',
  'consent.note': 'If you say no, you will still be served: the staff member will ask you in person.',
  'consent.yes': 'Yes, and call a staff member',
  'consent.no': 'No, just call',
  'requesting.text': 'Getting your number, one moment',
  'waiting.yourNumber': 'Your number',
  'waiting.ahead': '{n} ahead of you',
  'waiting.next': 'You are next',
  'waiting.reassure': 'A staff member will be with you soon. Please wait.',
  'waiting.rest': 'You may sit and rest; you will hear a voice when it is your turn.',
  'waiting.identityNotSent': 'Your details could not be sent; the staff member will check them with you.',
  'waiting.cancel': 'Cancel, I do not need help',
  'call.agent': 'Staff member: {name}',
  'call.connecting': 'Connecting the video, one moment',
  'call.you': 'You',
  'call.hangUp': 'Hang up',
  'thanks.title': 'Thank you. We are finished.',
  'thanks.wiped': 'Your card details have been removed from this machine.',
  'thanks.takeCard': 'Please remember to take your ID card.',
  'thanks.done': 'OK',
  'problem.server': 'We cannot reach the service centre right now',
  'problem.serverHint': 'Please try again later, or ask a staff member nearby for help.',
  'problem.alreadyQueued': 'This machine is already in the queue',
  'problem.alreadyQueuedHint': 'Please wait, or ask a staff member nearby for help.',
  'problem.back': 'Back to the start',
  'speak.welcome':
    'Hello. Please place your ID card on the reader. Without a card, you can call a staff member.',
  'speak.welcomeOffline':
    'Hello. The card reader is not working. Please press the button on the screen to call a staff member.',
  'speak.greeting': '{hello}. Please confirm that this is you.',
  'speak.consent': 'To handle your matter, the staff member needs your name and ID number. Do you agree?',
  'speak.waiting': 'Your number is {number}. A staff member will be with you soon. Please wait.',
  'speak.call': 'You are connected to a staff member. Please speak to the screen.',
  'speak.thanks': 'Thank you. We are finished. Please remember to take your ID card.',
  'speak.problem': 'We cannot reach the service centre right now. Please ask a staff member nearby for help.',
};

/** Both dictionaries; typed so that a key missing in either fails to compile. */
export const messages: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zh, en };

/** The message for a key, with `{param}` placeholders filled in (unknown ones left as written). */
export function t(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const text = messages[locale][key] ?? messages['zh-CN'][key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * How to address the resident: 李女士 / 李先生 from the family name and gender; the name alone for
 * foreign cards or an unknown gender; empty when the card has no name.
 */
export function addressOf(
  card: Pick<CardSummary, 'name' | 'familyName' | 'gender' | 'englishName'>,
  locale: Locale,
): string {
  // A foreign resident reading English is greeted by the name they write, not its transcription.
  if (locale === 'en' && card.englishName) return card.englishName;
  if (card.familyName && card.gender === 'female')
    return t(locale, 'greeting.ms', { family: card.familyName });
  if (card.familyName && card.gender === 'male') return t(locale, 'greeting.mr', { family: card.familyName });
  return card.name.trim();
}

/** The greeting line: 李女士，您好. */
export function greetingOf(
  card: Pick<CardSummary, 'name' | 'familyName' | 'gender' | 'englishName'>,
  locale: Locale,
): string {
  const name = addressOf(card, locale);
  return name ? t(locale, 'greeting.hello', { name }) : t(locale, 'greeting.helloNoName');
}
