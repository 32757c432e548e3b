import { memo, useMemo } from 'react';
import { Alert, Button, Empty, Layout, Menu, Result, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { zh } from '../../shared/i18n/zh-CN';
import { CurrentMemberSelect } from '../components/CurrentMemberSelect';
import { useCase } from '../hooks/cases';
import { useCurrentMember } from '../hooks/members';
import { navigate, type Section } from '../app/route';
import { SECTION_MENU } from '../app/sections';
import { OverviewPage } from './OverviewPage';
import { TeamPage } from './TeamPage';
import { ExchangePage } from './ExchangePage';
import { ReportPage } from './ReportPage';
import { LedgerPage } from './LedgerPage';
import { LookbackPage } from './LookbackPage';
import { ComparisonPage } from './ComparisonPage';
import { AuditPage } from './AuditPage';
import { RecordListPage } from './RecordListPage';
import { RecordEditorPage } from './RecordEditorPage';
import { FindingsPage } from './FindingsPage';
import { FindingEditorPage } from './FindingEditorPage';
import { useRecordCounts } from '../hooks/records';
import { isRecordKind } from '../../shared/domain/records';
import { SearchResults } from '../components/search/SearchResults';
import { SearchBox } from '../components/search/SearchBox';
import { PageBoundary } from '../components/PageBoundary';
import { useRepos } from '../app/session';
import { useUi } from '../stores/ui.store';
import { DemoTag, RemoveDemoButton } from '../components/DemoCase';
import { useDemoCaseId } from '../hooks/demo';
import { useSearchIndex } from '../hooks/search';
import { forgetOpenedHit } from '../search/navigation';
import '../app/dayjsLocale';

/** One case: the left navigation, the header with the current member, and the section. */
export function CaseWorkspace(props: { caseId: string; section: Section; recordId?: string }) {
  const { caseId, section, recordId } = props;
  const caseRecord = useCase(caseId);
  const current = useCurrentMember(caseId);
  const isDemo = useDemoCaseId() === caseId;
  useSearchIndex(caseId); // built in the background from now on: the first query never waits
  const toCases = () => navigate({ page: 'cases' });

  if (caseRecord === undefined) return null;
  if (caseRecord === null) {
    return (
      <Result
        status="404"
        title={zh.app.notFound}
        extra={<Button onClick={toCases}>{zh.app.backToCases}</Button>}
      />
    );
  }

  return (
    <Layout style={{ height: '100%' }}>
      <Layout.Sider width={200} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
        <Button type="link" icon={<ArrowLeftOutlined />} onClick={toCases} style={{ margin: 8 }}>
          {zh.app.backToCases}
        </Button>
        <SectionMenu caseId={caseId} section={section} />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            borderBottom: '1px solid #f0f0f0',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            paddingInline: 24,
          }}
        >
          {/* A long unit name (党组 names run to 50 characters) is cut with … and shown whole on
              hover: the search box and the member beside it keep their place. */}
          <div style={{ display: 'flex', alignItems: 'center', gap: 8, flex: 1, minWidth: 0 }}>
            <Typography.Title
              level={4}
              style={{ margin: 0, minWidth: 0 }}
              ellipsis={{ tooltip: caseRecord.unitName }}
              data-testid="case-title"
            >
              {caseRecord.unitName}
            </Typography.Title>
            {caseRecord.teamName && (
              <Typography.Text type="secondary" style={{ flexShrink: 0 }}>
                {caseRecord.teamName}
              </Typography.Text>
            )}
            <Tag color="blue">{zh.case.statuses[caseRecord.status]}</Tag>
            {caseRecord.archived && <Tag>{zh.case.archived}</Tag>}
            {isDemo && <DemoTag />}
            {isDemo && <RemoveDemoButton caseId={caseId} onRemoved={toCases} />}
          </div>
          <Space size="large" style={{ flexShrink: 0, marginInlineStart: 16 }}>
            <SearchBox caseId={caseId} />
            <CurrentMemberSelect caseId={caseId} />
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24, overflow: 'auto' }}>
          {current === undefined && (
            <Alert
              type="warning"
              showIcon
              title={zh.member.chooseCurrentFirst}
              style={{ marginBottom: 16 }}
            />
          )}
          <WorkspaceContent caseId={caseId} section={section} recordId={recordId} />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

/**
 * The search results while the search box holds a query, else the section's page. The page
 * stays mounted, hidden, under the results: clearing the search brings it back as it was (the
 * record being typed into, its place, its unsaved text), and the first character typed into the
 * box does not wait for a whole page to be taken down. A page that fails says so here; the
 * navigation around it stays usable.
 */
function WorkspaceContent(props: { caseId: string; section: Section; recordId?: string }) {
  const { caseId, section, recordId } = props;
  const repos = useRepos();
  const search = useUi((s) => s.search);
  const searching = search.trim() !== '';
  return (
    <PageBoundary where={`${section}/${recordId ?? ''}/${search}`} recover={() => repos.recover()}>
      {searching && <SearchResults caseId={caseId} query={search} />}
      {/* Hidden by content-visibility, not display: its layout is kept, not taken down and
          built again (with the observers of its size told each time). */}
      <div
        style={searching ? { contentVisibility: 'hidden', height: 0 } : undefined}
        aria-hidden={searching || undefined}
      >
        <SectionContent caseId={caseId} section={section} recordId={recordId} />
      </div>
    </PageBoundary>
  );
}

/**
 * The section's page. Memoised: the workspace renders again whenever the case, the counts or
 * the search index move (after each save, say), and the page being typed into must not.
 */
const SectionContent = memo(function SectionContent(props: {
  caseId: string;
  section: Section;
  recordId?: string | undefined;
}) {
  const { caseId, section, recordId } = props;
  if (isRecordKind(section)) {
    return recordId ? (
      <RecordEditorPage key={recordId} caseId={caseId} kind={section} recordId={recordId} />
    ) : (
      <RecordListPage caseId={caseId} kind={section} />
    );
  }
  switch (section) {
    case 'findings':
      return recordId ? (
        <FindingEditorPage key={recordId} caseId={caseId} findingId={recordId} />
      ) : (
        <FindingsPage caseId={caseId} />
      );
    case 'overview':
      return <OverviewPage caseId={caseId} />;
    case 'team':
      return <TeamPage caseId={caseId} />;
    case 'exchange':
      return <ExchangePage caseId={caseId} />;
    case 'report':
      return <ReportPage caseId={caseId} />;
    case 'rectification':
      return <LedgerPage caseId={caseId} />;
    case 'comparison':
      return <ComparisonPage caseId={caseId} />;
    case 'lookback':
      return <LookbackPage caseId={caseId} recheckId={recordId} />;
    case 'audit':
      return <AuditPage caseId={caseId} />;
    default:
      return <Empty description={zh.common.comingLater} />;
  }
});

/** The sections, each record kind with its count. */
const SectionMenu = memo(function SectionMenu(props: { caseId: string; section: Section }) {
  const { caseId, section } = props;
  const counts = useRecordCounts(caseId);
  const lookback = useCase(caseId)?.type === 'lookback';
  const items = useMemo(
    () =>
      SECTION_MENU.filter(({ key }) => key !== 'lookback' || lookback).map(
        ({ key, label, icon }) => ({
          key,
          icon,
          label: isRecordKind(key) && counts ? `${label}（${counts[key]}）` : label,
        }),
      ),
    [counts, lookback],
  );
  // The counts are read again after every save, mostly unchanged: the menu (antd's, with a
  // tooltip per item) is then the same element and does not render again.
  return useMemo(
    () => (
      <Menu
        mode="inline"
        selectedKeys={[section]}
        items={items}
        onClick={({ key }) => {
          useUi.getState().setSearch('');
          forgetOpenedHit();
          navigate({ page: 'case', caseId, section: key as Section });
        }}
      />
    ),
    [caseId, section, items],
  );
});
