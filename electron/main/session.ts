/**
 * Session-wide rules: deny every permission but persistent storage for the app's own pages,
 * cancel every request that leaves the app.
 */
import type { Session } from 'electron';
import { contentSecurityPolicy } from '../../shared/security/csp';
import { isAllowedRequest, permissionDecision, type Policy } from './security';

type HardenedSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
> & {
  webRequest: Pick<Session['webRequest'], 'onBeforeRequest' | 'onHeadersReceived'>;
};

export function hardenSession(session: HardenedSession, policy: Policy): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(permissionDecision(permission, details.requestingUrl, policy)),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    permissionDecision(permission, requestingOrigin, policy),
  );
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !isAllowedRequest(details.url, policy) }),
  );
  const csp = contentSecurityPolicy(
    policy.devServerOrigin ? { devServerOrigin: policy.devServerOrigin } : {},
  );
  session.webRequest.onHeadersReceived((details, callback) =>
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] },
    }),
  );
}
