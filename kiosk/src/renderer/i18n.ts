/**
 * The resident screens' words, zh-CN (default) and English; every key exists in both. What is
 * spoken is made of these same shown sentences (speech-text.ts), so speech and screen agree.
 */
import type { CardSummary, Locale } from '@rvw/shared';
import { hasHan, pinyinName, spokenLatinName } from './names';

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
  'welcome.serviceDown': '视频服务暂时无法使用',
  'welcome.serviceDownHint': '现在不能呼叫工作人员。请稍后再来，或请身边的工作人员帮忙。',
  'welcome.serviceRestarting': '视频服务正在重新连接',
  'welcome.serviceRestartingHint': '请稍等一会儿，连接好以后就可以呼叫工作人员。',
  'welcome.takeCard': '请取回您的身份证',
  'welcome.takeCardHint': '您的身份证还放在读卡器上，请带走。',
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
  'idle.notice': '您还在吗？为了保护您的信息，如果没有人操作，半分钟后会回到首页。',
  'idle.stillHere': '我还在，继续',
  'consent.title': '把您的信息告诉工作人员吗？',
  'consent.question': '为了给您办事，工作人员需要知道您的姓名和身份证号码。',
  'consent.note': '不同意也可以办理，工作人员会当面问您。',
  'consent.yes': '同意，呼叫工作人员',
  'consent.no': '不同意，直接呼叫',
  'requesting.text': '正在为您取号，请稍候',
  'requesting.slow': '比平时慢一些，请再等一等，也可以取消。',
  'requesting.cancel': '取消，不取号了',
  'waiting.yourNumber': '您的号码',
  'waiting.ahead': '前面还有 {n} 位',
  'waiting.next': '下一位就是您',
  'waiting.reassure': '工作人员会按顺序为您服务，请稍候',
  'waiting.rest': '您可以坐下休息，轮到您时会有声音提醒',
  'waiting.identityNotSent': '您的信息没有发送成功，工作人员会当面核对',
  'waiting.callDropped': '通话中断了，这不是您的问题。您还在排队，排在最前面。',
  'waiting.cancel': '不办了，取消',
  'call.agent': '工作人员：{name}',
  'call.connecting': '正在接通视频，请稍候',
  'call.you': '您',
  'call.hangUp': '挂断',
  'call.reconnecting': '与工作人员的连接中断了',
  'call.reconnectingHint': '网络不稳定，正在重新连接，请稍候。您不用做任何操作。',
  'call.videoAbove': '工作人员在上方的屏幕上，说话时请看上方',
  'video.standby': '您好，欢迎办事',
  'video.standbyHint': '请在下方的触摸屏上操作',
  'hangUp.question': '确定要结束通话吗？',
  'hangUp.keep': '继续通话',
  'hangUp.end': '结束通话',
  'thanks.title': '谢谢您，本次办理结束',
  'thanks.wiped': '您的证件信息已从本机清除。',
  'thanks.takeCard': '请记得取走您的身份证。',
  'thanks.done': '好的',
  'problem.server': '暂时连不上服务中心',
  'problem.serverHint': '请稍后再试，或请身边的工作人员帮忙。',
  'problem.alreadyQueued': '这台机器已经在排队了',
  'problem.alreadyQueuedHint': '请稍等，或请身边的工作人员帮忙。',
  'problem.back': '返回首页',
  'entitlements.title': '好消息：下面这些，您不用申请就能享受',
  'case.formOf': '正在为您填写：{item}',
  'case.fromCard': '来自身份证',
  'case.justChanged': '刚改过',
  'case.masked': '部分数字已隐藏',
  'case.empty': '还没有填写',
  'case.yes': '是',
  'case.no': '否',
  'case.entry': '第{n}项',
  'case.readAloud': '读给我听',
  'case.flag': '这一项不对',
  'case.flagged': '已标记，工作人员会核对',
  'case.voided': '表格改动了，刚才的确认和签名已经作废，需要重新确认。',
  'case.changed': '表格刚刚有了改动，请看新的内容。',
  'case.signed': '您已经签好名了，谢谢。',
  'case.sendFailed': '没有发送成功，请再按一次。',
  'case.page': '第 {page} 页，共 {pages} 页',
  'case.prev': '上一页',
  'case.next': '下一页',
  'review.title': '请核对表格的内容',
  'review.hint': '哪一项不对，就按那一项的“这一项不对”。',
  'review.question': '以上内容都正确吗？',
  'review.confirm': '内容正确，确认',
  'review.sending': '正在发送，请稍候',
  'sign.title': '请在下面的框里签上您的名字',
  'sign.hint': '签名表示您确认了刚才核对过的表格内容。',
  'sign.clear': '重写',
  'sign.submit': '确认签名',
  'sign.canvas': '签名框',
  'sign.empty': '请先在上面的框里签名。',
  'outcome.title': '请听清楚，这件事今天的结果',
  'outcome.reason': '原因：{reason}',
  'outcome.nextStep': '下一步：{step}',
  'outcome.number': '办件编号',
  'outcome.numberSpoken': '读作：{spoken}',
  'outcome.ok': '我知道了',
  'rating.title': '您对这次服务满意吗？',
  'rating.hint': '请按下面的一个按钮。',
  'rating.chosen': '您选择了：{level}',
  'rating.why': '哪里让您不满意？可以选几项。',
  'rating.staffNote': '工作人员备注（可以不填）',
  'rating.submit': '提交评价',
  'rating.back': '重新选择',
  'rating.idle': '您还在吗？不评价也没关系。为了保护您的信息，半分钟后会回到首页。',
  'rating.stillHere': '我还要评价',
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
  'welcome.serviceDown': 'Video service is not available right now',
  'welcome.serviceDownHint':
    'You cannot call a staff member at the moment. Please come back later, or ask a staff member nearby.',
  'welcome.serviceRestarting': 'Video service is reconnecting',
  'welcome.serviceRestartingHint': 'Please wait a moment; then you can call a staff member.',
  'welcome.takeCard': 'Please take your ID card',
  'welcome.takeCardHint': 'Your ID card is still on the reader. Please take it with you.',
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
  'idle.notice':
    'Are you still there? To protect your details, the screen goes back to the start in half a minute.',
  'idle.stillHere': 'I am still here',
  'consent.title': 'May we tell the staff member who you are?',
  'consent.question': 'To handle your matter, the staff member needs your name and ID number.',
  'consent.note': 'If you say no, you will still be served: the staff member will ask you in person.',
  'consent.yes': 'Yes, and call a staff member',
  'consent.no': 'No, just call',
  'requesting.text': 'Getting your number, one moment',
  'requesting.slow': 'This is taking longer than usual. Please wait a little more, or cancel.',
  'requesting.cancel': 'Cancel, no number',
  'waiting.yourNumber': 'Your number',
  'waiting.ahead': '{n} ahead of you',
  'waiting.next': 'You are next',
  'waiting.reassure': 'Staff members serve everyone in turn. Please wait.',
  'waiting.rest': 'You may sit and rest; you will hear a voice when it is your turn.',
  'waiting.identityNotSent': 'Your details could not be sent; the staff member will check them with you.',
  'waiting.callDropped': 'The call was cut off. It is not your fault: you are still in line, at the front.',
  'waiting.cancel': 'Cancel, I do not need help',
  'call.agent': 'Staff member: {name}',
  'call.connecting': 'Connecting the video, one moment',
  'call.you': 'You',
  'call.hangUp': 'Hang up',
  'call.reconnecting': 'The connection to the staff member dropped',
  'call.reconnectingHint':
    'The connection is unstable, reconnecting… Please wait; there is nothing you need to do.',
  'call.videoAbove': 'The staff member is on the upper screen: look up there as you talk',
  'video.standby': 'Hello, welcome',
  'video.standbyHint': 'Please use the touch screen below',
  'hangUp.question': 'Do you want to end the call?',
  'hangUp.keep': 'Keep talking',
  'hangUp.end': 'End the call',
  'thanks.title': 'Thank you. We are finished.',
  'thanks.wiped': 'Your card details have been removed from this machine.',
  'thanks.takeCard': 'Please remember to take your ID card.',
  'thanks.done': 'OK',
  'problem.server': 'We cannot reach the service centre right now',
  'problem.serverHint': 'Please try again later, or ask a staff member nearby for help.',
  'problem.alreadyQueued': 'This machine is already in the queue',
  'problem.alreadyQueuedHint': 'Please wait, or ask a staff member nearby for help.',
  'problem.back': 'Back to the start',
  'entitlements.title': 'Good news: you get these without applying',
  'case.formOf': 'Being filled in for you: {item}',
  'case.fromCard': 'From your ID card',
  'case.justChanged': 'Just changed',
  'case.masked': 'Partly hidden',
  'case.empty': 'Not filled in yet',
  'case.yes': 'Yes',
  'case.no': 'No',
  'case.entry': 'Entry {n}',
  'case.readAloud': 'Read it to me',
  'case.flag': 'This is wrong',
  'case.flagged': 'Marked. The staff member will check it.',
  'case.voided':
    'The form was changed, so your earlier confirmation and signature no longer count. You will be asked to confirm again.',
  'case.changed': 'The form has just changed. Please look at the new version.',
  'case.signed': 'You have signed. Thank you.',
  'case.sendFailed': 'That did not go through. Please press it again.',
  'case.page': 'Page {page} of {pages}',
  'case.prev': 'Previous page',
  'case.next': 'Next page',
  'review.title': 'Please check the form',
  'review.hint': 'A line is wrong? Press its "This is wrong".',
  'review.question': 'Is everything above correct?',
  'review.confirm': 'It is correct, I confirm',
  'review.sending': 'Sending, one moment',
  'sign.title': 'Please sign your name in the box below',
  'sign.hint': 'Your signature confirms the form you have just checked.',
  'sign.clear': 'Start again',
  'sign.submit': 'Confirm my signature',
  'sign.canvas': 'Signature box',
  'sign.empty': 'Please sign in the box above first.',
  'outcome.title': 'Please listen: the result of your matter today',
  'outcome.reason': 'Why: {reason}',
  'outcome.nextStep': 'What to do next: {step}',
  'outcome.number': 'Case number',
  'outcome.numberSpoken': 'Read as: {spoken}',
  'outcome.ok': 'I understand',
  'rating.title': 'Were you satisfied with the service?',
  'rating.hint': 'Please press one of the buttons below.',
  'rating.chosen': 'You chose: {level}',
  'rating.why': 'What was not good? You may choose more than one.',
  'rating.staffNote': 'Note by the committee staff (optional)',
  'rating.submit': 'Send my rating',
  'rating.back': 'Choose again',
  'rating.idle':
    'Are you still there? It is fine not to rate. To protect your details, the screen goes back to the start in half a minute.',
  'rating.stillHere': 'I still want to rate',
};

/** A screen's translator: the message for a key in the screen's language, placeholders filled. */
export type Tr = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Both dictionaries; typed so that a key missing in either fails to compile. */
export const messages: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zh, en };

/** The message for a key, with `{param}` placeholders filled in (unknown ones left as written). */
export function t(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const text = messages[locale][key] ?? messages['zh-CN'][key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * How to address the resident: 李女士 / 李先生 from the family name and gender on Chinese screens;
 * the full name in pinyin on English ones; a foreign name as a person says it; the name alone for
 * an unknown gender; empty when the card has no name.
 */
export function addressOf(
  card: Pick<CardSummary, 'name' | 'familyName' | 'gender' | 'englishName'>,
  locale: Locale,
): string {
  // A foreign resident reading English is greeted by the name they write, as they say it.
  if (locale === 'en' && card.englishName) return spokenLatinName(card.englishName);
  const name = card.name.trim();
  // On an English screen a Chinese name is read in full, in pinyin: "Ms Li" alone says little.
  if (locale === 'en' && hasHan(name)) return pinyinName(name, card.familyName);
  if (!hasHan(name) && name.includes(',')) return spokenLatinName(name);
  if (card.familyName && card.gender === 'female')
    return t(locale, 'greeting.ms', { family: card.familyName });
  if (card.familyName && card.gender === 'male') return t(locale, 'greeting.mr', { family: card.familyName });
  return name;
}

/** The greeting line: 李女士，您好. */
export function greetingOf(
  card: Pick<CardSummary, 'name' | 'familyName' | 'gender' | 'englishName'>,
  locale: Locale,
): string {
  const name = addressOf(card, locale);
  return name ? t(locale, 'greeting.hello', { name }) : t(locale, 'greeting.helloNoName');
}
