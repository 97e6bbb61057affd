import {
  AlarmDetail,
  AlarmList,
  type AlertPolicyInput,
  AlertPolicyList,
  AlertPolicySaved,
  DeadLetterList,
  DepartmentList,
  type HeartbeatInput,
  InspectionReport,
  NotificationList,
  ScreenStatusList,
  SilenceList,
  WebhookReceivers,
} from '@cockpit/contracts';
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { getJson, sendJson } from '../lib/api';
import { ALARMS_FALLBACK_POLL_MS } from '../panels/alarms/stored';

/** The notification centre: pushed over the user's live topic (NotificationCentre); the poll is a fallback. */
export const notificationsQuery = () =>
  queryOptions({
    queryKey: ['me', 'notifications'],
    queryFn: ({ signal }) => getJson('/api/v1/me/notifications?limit=50', NotificationList, signal),
    refetchInterval: ALARMS_FALLBACK_POLL_MS,
  });

export const markRead = (ids?: string[]) =>
  sendJson(
    'POST',
    '/api/v1/me/notifications/read',
    ids ? { ids } : {},
    z.object({ marked: z.number(), unread: z.number() }),
  );

export const policiesQuery = () =>
  queryOptions({
    queryKey: ['me', 'alert-policies'],
    queryFn: ({ signal }) => getJson('/api/v1/me/alert-policies', AlertPolicyList, signal),
  });

/** The receivers WEBHOOK_ALLOWED_HOSTS permits (none: webhooks are off); fixed until the BFF restarts. */
export const webhookReceiversQuery = () =>
  queryOptions({
    queryKey: ['me', 'webhook-receivers'],
    queryFn: ({ signal }) => getJson('/api/v1/me/webhook-receivers', WebhookReceivers, signal),
    staleTime: 5 * 60_000,
  });

export const createPolicy = (input: AlertPolicyInput) =>
  sendJson('POST', '/api/v1/me/alert-policies', input, AlertPolicySaved);
export const updatePolicy = (id: string, input: AlertPolicyInput) =>
  sendJson('PUT', `/api/v1/me/alert-policies/${encodeURIComponent(id)}`, input, AlertPolicySaved);
export const deletePolicy = (id: string) =>
  sendJson('DELETE', `/api/v1/me/alert-policies/${encodeURIComponent(id)}`, undefined);

export const deadLettersQuery = () =>
  queryOptions({
    queryKey: ['ops', 'dead-letters'],
    queryFn: ({ signal }) => getJson('/api/v1/admin/dead-letters', DeadLetterList, signal),
    refetchInterval: 30_000,
  });

export const screensQuery = () =>
  queryOptions({
    queryKey: ['ops', 'screens'],
    queryFn: ({ signal }) => getJson('/api/v1/admin/screens', ScreenStatusList, signal),
    refetchInterval: 15_000,
  });

export const sendHeartbeat = (beat: HeartbeatInput) =>
  sendJson('POST', '/api/v1/devices/heartbeat', beat, undefined, { quiet: true });

// ---- stored alarms (ACORE's API) -------------------------------------------------------------------

export type AlarmFilters = { state?: string; severity?: string; source?: string; region?: string };

export function alarmsPath(f: AlarmFilters, limit = 200): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) q.set(k, v);
  q.set('limit', String(limit));
  return `/api/v1/alarms?${q.toString()}`;
}

/** Fetched again on every change of the live topic (useLiveAlarmLists); the poll is only a fallback. */
export const storedAlarmsQuery = (f: AlarmFilters, limit = 200) =>
  queryOptions({
    queryKey: ['alarms', 'list', f, limit],
    queryFn: ({ signal }) => getJson(alarmsPath(f, limit), AlarmList, signal),
    refetchInterval: ALARMS_FALLBACK_POLL_MS,
  });

export const alarmDetailQuery = (id: string) =>
  queryOptions({
    queryKey: ['alarms', 'detail', id],
    queryFn: ({ signal }) => getJson(`/api/v1/alarms/${encodeURIComponent(id)}`, AlarmDetail, signal),
    refetchInterval: ALARMS_FALLBACK_POLL_MS,
  });

export const ackAlarm = (id: string) =>
  sendJson('POST', `/api/v1/alarms/${encodeURIComponent(id)}/ack`, {}, undefined);
export const dispatchAlarm = (id: string, departmentId: string, note: string) =>
  sendJson('POST', `/api/v1/alarms/${encodeURIComponent(id)}/dispatch`, { departmentId, note }, undefined);
export const resolveAlarm = (id: string, cause: string) =>
  sendJson('POST', `/api/v1/alarms/${encodeURIComponent(id)}/resolve`, { cause }, undefined);

export const silencesQuery = () =>
  queryOptions({
    queryKey: ['ops', 'silences'],
    queryFn: ({ signal }) => getJson('/api/v1/silences', SilenceList, signal),
  });
export const createSilence = (input: {
  ruleId: string | null;
  regionCode: string | null;
  source: string | null;
  reason: string;
  endsAt: string;
}) => sendJson('POST', '/api/v1/silences', input, undefined);
export const endSilence = (id: string) =>
  sendJson('DELETE', `/api/v1/silences/${encodeURIComponent(id)}`, undefined);

export const departmentsListQuery = () =>
  queryOptions({
    queryKey: ['departments'],
    queryFn: ({ signal }) => getJson('/api/v1/departments', DepartmentList, signal),
    staleTime: 5 * 60_000,
  });

/** The daily inspection report (巡检日报) for one Beijing day; CSV and HTML are links to the same route. */
export const reportPath = (date: string, format?: 'csv' | 'html') =>
  `/api/v1/reports/inspection?date=${date}${format ? `&format=${format}` : ''}`;

export const reportQuery = (date: string) =>
  queryOptions({
    queryKey: ['ops', 'report', date],
    queryFn: ({ signal }) => getJson(reportPath(date), InspectionReport, signal),
  });
