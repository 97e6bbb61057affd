import { notificationUserKey, userIdOfNotificationKey } from '@cockpit/contracts';
import type { AuthService } from '../auth/service';
import type { Logger } from '../lib/logger';
import type { NotificationsRouterDeps } from '../routes/notifications/notifications.index';
import type { Services } from '../services';
import { AlertPolicyService } from './alert-policies';
import { NotificationDispatcher, notificationListOf } from './notify';
import { SCREEN_SILENT_RULE, ScreenWatch } from './screens';
import type { HostRule } from './webhook-hosts';

/**
 * Builds the people's half of the health inspection once per app: the notification dispatcher (kept on
 * services so server.ts starts it and tests reach it), the screen watch and the policy service.
 */
export function setUpNotifications(deps: {
  auth: AuthService;
  services: Services;
  logger: Logger;
  /** WEBHOOK_ALLOWED_HOSTS (unset: no receiver is permitted). */
  webhookAllowedHosts?: readonly HostRule[] | undefined;
}): NotificationsRouterDeps {
  const { auth, services, logger } = deps;
  const webhookAllowedHosts = deps.webhookAllowedHosts ?? [];
  const indicators = services.indicators;
  const alarms = services.alarms;
  const store = auth.store.policies;
  // The per-user live topic notifications:<userKey>:<scope>: its body is the user's centre.
  services.publisher.addSource('notifications', async (key) => {
    const userId = userIdOfNotificationKey(key);
    return userId ? JSON.stringify(await notificationListOf(store, userId)) : undefined;
  });
  const changed = (userId: string) => {
    const key = notificationUserKey(userId);
    const topics = services.publisher
      .followedTopics('notifications')
      .filter((t) => t.theme === key)
      .map((t) => t.topic);
    if (topics.length > 0)
      void services.publisher
        .republish(topics)
        .catch((err) => logger.warn({ err }, 'notify: live push failed'));
  };
  if (!services.notifications) {
    services.notifications = new NotificationDispatcher({
      onChange: changed,
      store: auth.store,
      logger,
      allowedHosts: webhookAllowedHosts,
      inScope: (scope, code) => auth.inScope(scope, code),
      indicatorOfRule: (ruleId) => alarms.getRule(ruleId)?.indicatorId,
      fieldOfIndicator: (id) => indicators.get(id)?.field,
      indicator: (id) => indicators.get(id),
      regionName: (code) => auth.hierarchy.get(code)?.name,
    });
    // Every alarm transition (fire, re-fire, escalation notify) is handed over without waiting.
    services.notifications.attach(alarms);
    // Each indicator pass's values are judged against the personal policies' own thresholds (enqueued).
    const dispatcher = services.notifications;
    services.inspector.onIndicatorValues((values) => dispatcher.judgeOwnThresholds(values));
  }
  // A silent wall is a platform check of the alarm engine: one pass judging only the screen rule.
  services.screens ??= new ScreenWatch({
    store: auth.store,
    logger,
    report: (observations) => alarms.pass(new Set([SCREEN_SILENT_RULE]), observations),
  });
  return {
    policies: new AlertPolicyService({
      auth,
      indicators,
      ruleExists: (id) => alarms.getRule(id) !== undefined,
      webhookAllowedHosts,
    }),
    webhookReceivers: {
      enabled: webhookAllowedHosts.length > 0,
      allowedHosts: webhookAllowedHosts.map((r) => r.entry),
    },
    store,
    screens: services.screens,
    changed,
  };
}
