import type { AuthService } from '../auth/service';
import type { Logger } from '../lib/logger';
import type { NotificationsRouterDeps } from '../routes/notifications/notifications.index';
import type { Services } from '../services';
import { AlertPolicyService } from './alert-policies';
import { NotificationDispatcher } from './notify';
import { ScreenWatch } from './screens';

/**
 * Builds the people's half of the health inspection once per app: the notification dispatcher (kept on
 * services so server.ts starts it and tests reach it), the screen watch and the policy service.
 */
export function setUpNotifications(deps: {
  auth: AuthService;
  services: Services;
  logger: Logger;
}): NotificationsRouterDeps {
  const { auth, services, logger } = deps;
  const indicators = services.indicators;
  services.notifications ??= new NotificationDispatcher({
    store: auth.store,
    logger,
    inScope: (scope, code) => auth.inScope(scope, code),
    fieldOfIndicator: (id) => indicators.get(id)?.field,
  });
  services.screens ??= new ScreenWatch({ store: auth.store, logger });
  return {
    policies: new AlertPolicyService({ auth, indicators }),
    store: auth.store.policies,
    screens: services.screens,
  };
}
