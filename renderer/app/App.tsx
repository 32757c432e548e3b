import { Alert, App as AntApp, Button, ConfigProvider, Layout, Space, Typography } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { zh } from '../../shared/i18n/zh-CN';
import { StorageStatus } from '../components/StorageStatus';
import { StorageWarning } from '../components/StorageWarning';
import { CaseListPage } from '../pages/CaseListPage';
import { CaseWorkspace } from '../pages/CaseWorkspace';
import { useUi } from '../stores/ui.store';
import { PageBoundary } from '../components/PageBoundary';
import { repos } from '../db';
import { routeHash, useRoute } from './route';

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

export function App() {
  const route = useRoute();
  return (
    <ConfigProvider locale={zhCN} theme={{ token: { fontSize: 15 } }}>
      <AntApp style={{ height: '100%' }}>
        <Layout style={{ height: '100vh' }}>
          <NewerVersionBanner />
          {/* Above every page: a full disk concerns whatever the user is doing. */}
          <StorageWarning />
          <Layout.Content style={{ overflow: 'auto' }}>
            <PageBoundary where={routeHash(route)} recover={() => repos.recover()}>
              {route.page === 'case' ? <CaseWorkspace {...route} /> : <CaseListPage />}
            </PageBoundary>
          </Layout.Content>
          <Layout.Footer style={{ padding: '4px 16px', borderTop: '1px solid #f0f0f0' }}>
            <Space separator="·">
              <Typography.Text type="secondary">{zh.app.name}</Typography.Text>
              <Typography.Text type="secondary">{zh.app.tagline}</Typography.Text>
              <StorageStatus />
            </Space>
          </Layout.Footer>
        </Layout>
      </AntApp>
    </ConfigProvider>
  );
}
