import { Button, Card, Tabs } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { zh } from '../../shared/i18n/zh-CN';
import { useFindingActions } from '../hooks/findings';
import { FindingList } from '../components/findings/FindingList';
import { ClueList } from '../components/findings/ClueList';
import { useUi } from '../stores/ui.store';

/** 问题与线索: findings by focus area, and the clues this member may see. */
export function FindingsPage({ caseId }: { caseId: string }) {
  const actions = useFindingActions(caseId);
  const tab = useUi((s) => s.findingsTab);
  return (
    <Card>
      <Tabs
        activeKey={tab}
        onChange={(key) => useUi.getState().setFindingsTab(key === 'clues' ? 'clues' : 'findings')}
        items={[
          {
            key: 'findings',
            label: zh.finding.tabs.findings,
            children: (
              <>
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  disabled={!actions.canWrite}
                  onClick={() => void actions.create()}
                  style={{ marginBottom: 12 }}
                >
                  {zh.finding.add}
                </Button>
                <FindingList caseId={caseId} />
              </>
            ),
          },
          { key: 'clues', label: zh.finding.tabs.clues, children: <ClueList caseId={caseId} /> },
        ]}
      />
    </Card>
  );
}
