import {
  type AlertPolicyInput,
  AlertPolicyList,
  AlertPolicySaved,
  DeadLetterList,
  type HeartbeatInput,
  NotificationList,
  ScreenStatusList,
} from '@cockpit/contracts';
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { getJson, sendJson } from '../lib/api';

/** The notification centre: refetched when the live stream says it changed, and every 30 s as a floor. */
export const notificationsQuery = () =>
  queryOptions({
    queryKey: ['me', 'notifications'],
    queryFn: ({ signal }) => getJson('/api/v1/me/notifications?limit=50', NotificationList, signal),
    refetchInterval: 30_000,
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
