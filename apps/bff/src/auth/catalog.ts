import type { PermissionId } from '@cockpit/contracts';
import type { SystemId } from '../upstreams/systems';

/** Every permission, with what it allows. Roles are data (seeded below, editable by admins). */
export const PERMISSIONS: { id: PermissionId; description: { zh: string; en: string } }[] = [
  {
    id: 'cockpit:view',
    description: { zh: '查看驾驶舱（本辖区）', en: 'View the cockpits of the own region' },
  },
  {
    id: 'personal:view',
    description: {
      zh: '查看个人信息明文（需填写原因，留痕）',
      en: 'Reveal personal data (with a reason, audited)',
    },
  },
  { id: 'indicator:edit', description: { zh: '编辑指标', en: 'Edit indicators' } },
  { id: 'layout:edit', description: { zh: '编辑布局', en: 'Edit layouts' } },
  { id: 'layout:publish', description: { zh: '发布布局', en: 'Publish layouts' } },
  { id: 'alarm:ack', description: { zh: '确认告警', en: 'Acknowledge alarms' } },
  { id: 'wall:control', description: { zh: '控制大屏', en: 'Control wall screens' } },
  {
    id: 'user:admin',
    description: { zh: '管理用户、部门、角色和设备', en: 'Manage users, departments, roles and devices' },
  },
  { id: 'audit:read', description: { zh: '查阅审计日志', en: 'Read the audit trail' } },
  {
    id: 'alert:policy',
    description: { zh: '设置本人的告警策略与通知', en: 'Set up one’s own alert policies and notifications' },
  },
  { id: 'alarm:dispatch', description: { zh: '派发、处置告警', en: 'Dispatch and resolve alarms' } },
  {
    id: 'alarm:rule:edit',
    description: { zh: '编辑本部门告警规则与静默', en: "Edit the own department's alarm rules and silences" },
  },
  {
    id: 'ops:view',
    description: {
      zh: '查看运维巡检（探针、数据质量、巡检日报）',
      en: 'View ops inspection (probes, data quality, daily report)',
    },
  },
];
export const PERMISSION_IDS = new Set<string>(PERMISSIONS.map((p) => p.id));

export const SEEDED_ROLES: { id: string; name: { zh: string; en: string }; permissions: PermissionId[] }[] = [
  { id: 'admin', name: { zh: '系统管理员', en: 'Administrator' }, permissions: PERMISSIONS.map((p) => p.id) },
  {
    id: 'leader',
    name: { zh: '领导', en: 'Leader' },
    permissions: ['cockpit:view', 'wall:control', 'alert:policy'],
  },
  {
    id: 'analyst',
    name: { zh: '分析员', en: 'Analyst' },
    permissions: [
      'cockpit:view',
      'indicator:edit',
      'layout:edit',
      'layout:publish',
      'alarm:rule:edit',
      'ops:view',
      'alert:policy',
    ],
  },
  {
    id: 'operator',
    name: { zh: '值班员', en: 'Duty operator' },
    permissions: [
      'cockpit:view',
      'personal:view',
      'alarm:ack',
      'alarm:dispatch',
      'wall:control',
      'ops:view',
      'alert:policy',
    ],
  },
  {
    id: 'auditor',
    name: { zh: '审计员', en: 'Auditor' },
    permissions: ['audit:read', 'ops:view', 'alert:policy'],
  },
  { id: 'device', name: { zh: '大屏设备', en: 'Wall device' }, permissions: ['cockpit:view'] },
  { id: 'viewer', name: { zh: '浏览者', en: 'Viewer' }, permissions: ['cockpit:view', 'alert:policy'] },
];

export const SEEDED_DEPARTMENTS: { id: string; name: { zh: string; en: string }; description: string }[] = [
  {
    id: 'transport',
    name: { zh: '县交通运输局', en: 'County Transport Bureau' },
    description: '道路网络、交通',
  },
  {
    id: 'enforcement',
    name: { zh: '县综合行政执法局', en: 'County Comprehensive Administrative Law Enforcement Bureau' },
    description: '城市管理、智慧停车',
  },
  {
    id: 'health',
    name: { zh: '县卫生健康局', en: 'County Health Commission' },
    description: '医疗卫生、创伤中心',
  },
  {
    id: 'culture-tourism',
    name: { zh: '县文化和广电旅游体育局', en: 'County Bureau of Culture, Radio, TV, Tourism and Sports' },
    description: '文旅',
  },
  {
    id: 'emergency-120',
    name: { zh: '县急救站（120）', en: 'County Emergency Medical Station (120)' },
    description: '院前急救调度',
  },
  {
    id: 'ecology',
    name: { zh: '生态环境分局', en: 'Ecology and Environment Sub-bureau' },
    description: '空气、水、噪声监测',
  },
  {
    id: 'social-governance',
    name: {
      zh: '县委政法委（县社会治理中心）',
      en: 'County Political and Legal Affairs Commission (Social Governance Centre)',
    },
    description: '基层治理：一中心四平台一网格、矛调中心',
  },
  {
    id: 'big-data',
    name: { zh: '县大数据中心', en: 'County Big Data Centre' },
    description: '平台运维、账号与设备管理',
  },
];

/** The department that owns each upstream system's data. */
export const UPSTREAM_OWNERS: Record<SystemId, string> = {
  'parking-platform': 'enforcement',
  'emergency-120': 'emergency-120',
  'env-monitor': 'ecology',
  'county-services': 'big-data',
  grassroots: 'social-governance',
};
