/**
 * The app's frame and its two pages. This module and what it imports are the interface's
 * chunk (see main.tsx): the case list, the first screen, and the antd components it shows. The
 * case workspace, with its editors, search, findings, history and attachments (and dayjs, the
 * date pickers, forms), is a chunk of its own: fetched at once when the app starts on a case
 * (a reload), otherwise once the case list has painted and the page is idle, so that opening a
 * case rarely waits for it. The case form is a third (CaseListPage.tsx).
 */
import { lazy, Suspense, useEffect } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  ConfigProvider,
  Layout,
  Result,
  Space,
  Spin,
  Typography,
} from 'antd';
import zhCN from 'antd/locale/zh_CN';
// antd's styles as one prebuilt sheet (zeroRuntime below): generating them at run time, as
// each component first renders, was most of the first screen's time (DESIGN §7).
import 'antd/dist/antd.css';
import { zh } from '../../shared/i18n/zh-CN';
import { StorageStatus } from '../components/StorageStatus';
import { LockControls } from '../components/LockControls';
import { StorageWarning } from '../components/StorageWarning';
import { CaseListPage } from '../pages/CaseListPage';
import { useUi } from '../stores/ui.store';
import { useShallow } from 'zustand/react/shallow';
import { PageBoundary } from '../components/PageBoundary';
import { useRepos } from './session';
import { parseRoute, routeHash, useRoute } from './route';

const loadWorkspace = () => import('../pages/CaseWorkspace');
const BackupPage = lazy(async () => ({
  default: (await import('../pages/BackupPage')).BackupPage,
}));
const CaseWorkspace = lazy(async () => ({ default: (await loadWorkspace()).CaseWorkspace }));
if (parseRoute(window.location.hash).page === 'case') void loadWorkspace();

/** Fetches the workspace's chunk once the first screen is up and nothing else is going on. */
function usePreloadWorkspace() {
  useEffect(() => {
    const idle = requestIdleCallback(() => void loadWorkspace(), { timeout: 2_000 });
    return () => cancelIdleCallback(idle);
  }, []);
}

/** Shown for good once another window opened the data with a newer app: this one stopped. */
function NewerVersionBanner() {
  const stopped = useUi((s) => s.newerVersionElsewhere);
  if (!stopped) return null;
  return (
    <Alert
      banner
      type="error"
      data-testid="newer-version"
      title={zh.app.newerVersionElsewhere}
      action={<Button onClick={() => window.location.reload()}>{zh.autosave.reload}</Button>}
    />
  );
}

/** A snapshot that was not kept (before an upgrade, or today's): until the user dismisses it. */
function SnapshotProblemBanner() {
  const { text, dismiss } = useUi(
    useShallow((s) => ({ text: s.snapshotProblem, dismiss: s.setSnapshotProblem })),
  );
  if (!text) return null;
  return (
    <Alert
      banner
      type="warning"
      closable={{ onClose: () => dismiss('') }}
      data-testid="snapshot-problem"
      title={text}
    />
  );
}

export function App() {
  const repos = useRepos();
  const route = useRoute();
  usePreloadWorkspace();
  return (
    <ConfigProvider locale={zhCN} theme={{ token: { fontSize: 15 }, zeroRuntime: true }}>
      <AntApp style={{ height: '100%' }}>
        <Layout style={{ height: '100vh' }}>
          <NewerVersionBanner />
          <SnapshotProblemBanner />
          {/* Above every page: a full disk concerns whatever the user is doing. */}
          <StorageWarning />
          <Layout.Content style={{ overflow: 'auto' }}>
            <PageBoundary where={routeHash(route)} recover={() => repos.recover()}>
              {route.page === 'case' ? (
                <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>
                  <CaseWorkspace {...route} />
                </Suspense>
              ) : route.page === 'backups' ? (
                <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>
                  <BackupPage />
                </Suspense>
              ) : (
                <CaseListPage />
              )}
            </PageBoundary>
          </Layout.Content>
          <Layout.Footer style={{ padding: '4px 16px', borderTop: '1px solid #f0f0f0' }}>
            <Space separator="·">
              <Typography.Text type="secondary">{zh.app.name}</Typography.Text>
              <Typography.Text type="secondary">{zh.app.tagline}</Typography.Text>
              <StorageStatus />
              <LockControls />
            </Space>
          </Layout.Footer>
        </Layout>
      </AntApp>
    </ConfigProvider>
  );
}

export { Vault } from './Vault';

/** The page shown instead of the app when the database cannot be opened (see main.tsx). */
export function StartFailed({ newer, error }: { newer: boolean; error: unknown }) {
  return (
    <Result
      status="error"
      title={newer ? zh.app.newerDatabase : zh.app.databaseFailed}
      subTitle={newer ? undefined : String(error)}
    />
  );
}
