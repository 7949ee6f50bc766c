/**
 * The words of issue 12's kiosk screens: getting ready for a call, "video is not available right
 * now", the technician's first-run enrolment screen and the calm "此设备需要重新登记", zh-CN and
 * English. i18n.ts merges them into its dictionaries, so every key is a MessageKey in both.
 */

export const fleetZh = {
  'preparing.text': '正在准备，请稍等…',
  'noVideo.title': '视频通话暂时无法使用',
  'noVideo.hint': '请告诉居委会工作人员，他们会帮您办理。',
  'noVideo.reassure': '这不是您操作的问题，您没有做错任何事。',
  'noVideo.back': '回到首页',
  'enrol.title': '登记本机',
  'enrol.hint': '请输入主管给您的登记码。大小写都可以，空格和短横线可以不输。',
  'enrol.codeLabel': '登记码（10 位）',
  'enrol.codeCount': '已输入 {n} 位，共 10 位',
  'enrol.codeBadChar': '登记码里没有数字 0、1 和字母 O、I、L，请再核对一下。',
  'enrol.serverLabel': '服务器地址',
  'enrol.serverHint': '例如 https://rvw.example.gov.cn',
  'enrol.serverInvalid': '服务器地址应以 https:// 或 http:// 开头。',
  'enrol.submit': '登记',
  'enrol.sending': '正在登记，请稍等…',
  'enrol.back': '返回',
  'enrol.error.ENROLMENT_CODE_INVALID': '登记码不对、已过期或已经用过。请向主管要一个新的登记码。',
  'enrol.error.RATE_LIMITED': '尝试次数太多了。请等一分钟再试。',
  'enrol.error.SERVER_UNREACHABLE': '连不上服务器。请检查网络连接和服务器地址，然后再试。',
  'enrol.error.other': '登记没有成功。请再试一次；还不行的话，请联系服务中心。',
  'enrol.done': '登记成功',
  'enrol.doneWhere': '本机是“{name}”，位置：{location}',
  'enrol.start': '开始使用',
  'reEnrol.title': '此设备需要重新登记',
  'reEnrol.hint': '请告诉居委会工作人员，他们会联系技术人员。',
  'reEnrol.technician': '技术人员登记',
} as const;

/** The same keys in English. */
export const fleetEn: Record<keyof typeof fleetZh, string> = {
  'preparing.text': 'Getting ready, one moment…',
  'noVideo.title': 'Video calls are not available right now',
  'noVideo.hint': 'Please tell the committee staff. They will help you with your matter.',
  'noVideo.reassure': 'This is not because of anything you did.',
  'noVideo.back': 'Back to the start',
  'enrol.title': 'Enrol this kiosk',
  'enrol.hint': 'Type the code from the supervisor. Small letters, spaces and hyphens are fine.',
  'enrol.codeLabel': 'Enrolment code (10 characters)',
  'enrol.codeCount': '{n} of 10 characters typed',
  'enrol.codeBadChar':
    'Codes never contain the digits 0 and 1 or the letters O, I and L: please check it again.',
  'enrol.serverLabel': 'Server address',
  'enrol.serverHint': 'For example https://rvw.example.gov.cn',
  'enrol.serverInvalid': 'The server address starts with https:// or http://.',
  'enrol.submit': 'Enrol',
  'enrol.sending': 'Enrolling, one moment…',
  'enrol.back': 'Back',
  'enrol.error.ENROLMENT_CODE_INVALID':
    'The code is wrong, has expired or was already used. Ask the supervisor for a new code.',
  'enrol.error.RATE_LIMITED': 'Too many tries. Please wait a minute, then try again.',
  'enrol.error.SERVER_UNREACHABLE':
    'The server cannot be reached. Check the network connection and the server address, then try again.',
  'enrol.error.other':
    'Enrolment did not succeed. Please try again; if it still fails, call the service centre.',
  'enrol.done': 'Enrolled',
  'enrol.doneWhere': 'This kiosk is “{name}”, at {location}',
  'enrol.start': 'Start',
  'reEnrol.title': 'This kiosk needs to be enrolled again',
  'reEnrol.hint': 'Please tell the committee staff. They will call a technician.',
  'reEnrol.technician': 'Technician: enrol',
};
