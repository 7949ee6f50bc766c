/**
 * Who and what the demo has (issue 11): two partner centres of the Yangtze Delta, a supervisor for
 * each, agents with different skills, the demo kiosk and a portable (上门办) kiosk. Plain data; the
 * demo (demo.ts) creates what is missing.
 */
import { DEFAULT_ROUTING, type Centre, type Role, type Skill } from '@rvw/shared';

/** The demo's two centres, each the other's partner: a street's centre in Shanghai and Suzhou's. */
export const demoCentres: readonly Centre[] = [
  {
    id: 'xuhui-tianlin',
    name: '徐汇区田林街道社区事务受理服务中心',
    region: '上海市徐汇区',
    partners: ['suzhou-gusu'],
    routing: { ...DEFAULT_ROUTING, mode: 'pull' },
  },
  {
    // The partner for 长三角跨省通办 (services across the Delta's provinces).
    id: 'suzhou-gusu',
    name: '苏州市姑苏区便民服务中心',
    region: '江苏省苏州市',
    partners: ['xuhui-tianlin'],
    routing: { ...DEFAULT_ROUTING, mode: 'offer' },
  },
];

/** One demo account: who it is, where it works and what it serves. */
export interface DemoAccountSpec {
  username: string;
  displayName: string;
  /** `admin` is a supervisor of their own centre. */
  role: Role;
  centreId: string;
  skills: Skill[];
}

const allSkills: Skill[] = [
  'elderly-care',
  'medical-insurance',
  'residence',
  'disability',
  'family-planning',
  'consultation',
];

/**
 * The demo accounts, in the order printed. `admin` and `agent` keep their names from before issue
 * 11 (the demo's tests and the README use them): 李敏 has no skills and serves "ask staff" tickets.
 */
export const demoAccounts: readonly DemoAccountSpec[] = [
  {
    username: 'admin',
    displayName: '王主任 (Supervisor Wang)',
    role: 'admin',
    centreId: 'xuhui-tianlin',
    skills: [],
  },
  {
    username: 'wangfang',
    displayName: '王芳 (Agent Wang Fang)',
    role: 'agent',
    centreId: 'xuhui-tianlin',
    skills: ['elderly-care', 'medical-insurance'],
  },
  {
    username: 'liqiang',
    displayName: '李强 (Agent Li Qiang)',
    role: 'agent',
    centreId: 'xuhui-tianlin',
    skills: ['disability', 'residence'],
  },
  {
    username: 'agent',
    displayName: '李敏 (Agent Li Min)',
    role: 'agent',
    centreId: 'xuhui-tianlin',
    skills: [],
  },
  {
    username: 'tech',
    displayName: '赵工 (Technician Zhao)',
    role: 'technician',
    centreId: 'xuhui-tianlin',
    skills: [],
  },
  {
    username: 'suzhou-admin',
    displayName: '陈主任 (Supervisor Chen, Suzhou)',
    role: 'admin',
    centreId: 'suzhou-gusu',
    skills: [],
  },
  {
    username: 'zhangmin',
    displayName: '张敏 (Agent Zhang Min, Suzhou)',
    role: 'agent',
    centreId: 'suzhou-gusu',
    skills: allSkills,
  },
];

/** The demo's kiosks: the one the demo runs, and a portable one that exists as a record. */
export const demoKiosks = {
  /** The kiosk `npm start` runs, in the first centre. */
  main: {
    name: '田林街道 第一居委会 一体机',
    location: '上海市徐汇区田林街道 第一居委会 (Tianlin Street, 1st Neighbourhood Committee)',
    centreId: 'xuhui-tianlin',
    kind: 'fixed',
    configFile: 'demo-kiosk.json',
  },
  /** The door-to-door (上门办) machine staff carry to a bed-bound resident's home. */
  portable: {
    name: '田林街道 上门办 便携终端 1号',
    location: '上海市徐汇区田林街道 (上门办, door-to-door)',
    centreId: 'xuhui-tianlin',
    kind: 'portable',
    configFile: 'demo-portable-kiosk.json',
  },
} as const;

/** The name the demo kiosk had before issue 11 (in the default centre): found and moved. */
export const formerDemoKioskName = '静安寺街道 第一居委会 一体机';
