/**
 * The words of issue 11's resident screens (what they need, the disability question, the honest
 * wait, the transfer) and of the door-to-door profile, zh-CN and English. i18n.ts merges them into
 * its dictionaries, so every key is a MessageKey and must exist in both.
 */

export const routingZh = {
  'need.title': '您要办哪一类事？',
  'need.hint': '请按一张图。不清楚也没关系，可以直接问工作人员。',
  'need.appointment': '预约办理',
  'need.chosen': '您选择了：{need}',
  'need.change': '选错了，重新选',
  'disability.question': '您是否有残疾，需要优先照顾？',
  'disability.optional': '这个问题可以不回答：按“否”，照常排队。',
  'disability.yesNote': '按“是”，工作人员会优先为您服务。',
  'disability.yes': '是',
  'disability.no': '否',
  'waiting.estimate': '大约还要等 {minutes} 分钟',
  'waiting.estimateOne': '大约还要等 1 分钟',
  'waiting.connecting': '马上为您接通',
  'waiting.noAgent': '现在没有能办这类事的工作人员在线，暂时说不准要等多久',
  'waiting.noAgentAny': '现在没有工作人员在线，暂时说不准要等多久',
  'waiting.noHistory': '今天办理的记录还不够，暂时说不准要等多久',
  'transfer.title': '正在为您转接，请稍候',
  'transfer.hint': '您不用做任何操作。刚才办的内容都保留着，不用重新说。',
  'welcome.placeCardHintPortable': '读卡器是连着电脑的小盒子，把身份证放上去就行，不用按任何按钮',
  'print.noPrinter': '这里没有打印机，工作人员会另外把纸质材料交给您。',
} as const;

/** The same keys in English. */
export const routingEn: Record<keyof typeof routingZh, string> = {
  'need.title': 'What is your matter about?',
  'need.hint': 'Press a picture. Not sure? You can just ask a staff member.',
  'need.appointment': 'Book an appointment',
  'need.chosen': 'You chose: {need}',
  'need.change': 'Wrong choice? Choose again',
  'disability.question': 'Do you have a disability, and would you like to be served first?',
  'disability.optional': 'You do not have to answer: press "No" to queue as usual.',
  'disability.yesNote': 'Press "Yes" and a staff member will serve you first.',
  'disability.yes': 'Yes',
  'disability.no': 'No',
  'waiting.estimate': 'About {minutes} more minutes',
  'waiting.estimateOne': 'About 1 more minute',
  'waiting.connecting': 'Connecting you now',
  'waiting.noAgent': 'Nobody who handles this is online now, so we cannot say how long the wait will be',
  'waiting.noAgentAny': 'No staff member is online now, so we cannot say how long the wait will be',
  'waiting.noHistory': 'Too few matters were handled today to say how long the wait will be',
  'transfer.title': 'Transferring you, please wait',
  'transfer.hint':
    'There is nothing you need to do. Everything so far is kept; you will not have to start again.',
  'welcome.placeCardHintPortable':
    'The reader is the small box connected to the computer. Just lay the card on it; no buttons needed.',
  'print.noPrinter': 'There is no printer here. The staff member will get the paper to you another way.',
};
