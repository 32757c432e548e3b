import { useState } from 'react';
import { Card, Drawer, Empty, Space } from 'antd';
import { documentFileName } from '../../shared/documents';
import { localIsoDate } from '../../shared/domain/dates';
import { zh } from '../../shared/i18n/zh-CN';
import { useCase } from '../hooks/cases';
import { useIsLeader } from '../hooks/findings';
import { useLedger, useLedgerActions } from '../hooks/ledger';
import { LedgerSummary } from '../components/ledger/LedgerSummary';
import { LedgerTables } from '../components/ledger/LedgerTables';
import { TaskDrawerBody } from '../components/ledger/TaskDrawer';
import { LedgerImport } from '../components/ledger/LedgerImport';
import { ExportButton } from '../components/report/ExportButton';
import { useCurrentMember } from '../hooks/members';

const l = zh.ledger;

/**
 * 整改台账: the 反馈日期 and deadlines, the ledger at a glance, its three lists, and one task at
 * a time in a drawer. Colours are computed from today's date every time they are shown.
 */
export function LedgerPage({ caseId }: { caseId: string }) {
  const caseRecord = useCase(caseId);
  const ledger = useLedger(caseId);
  const isLeader = useIsLeader(caseId);
  const actions = useLedgerActions(caseId);
  const me = useCurrentMember(caseId);
  const [openId, setOpenId] = useState<string | null>(null);
  if (!caseRecord || !ledger) return null;
  const today = localIsoDate(new Date());
  return (
    <>
      <LedgerSummary caseId={caseId} ledger={ledger} today={today} isLeader={isLeader} />
      <Card
        size="small"
        style={{ marginTop: 16 }}
        extra={
          ledger.items.length > 0 && (
            <Space>
              <ExportButton
                compact
                label={zh.report.kinds.ledger}
                request={
                  me
                    ? {
                        caseId,
                        viewerId: me.id,
                        order: { kind: 'ledger' },
                        suggestedName: documentFileName({ kind: 'ledger' }, caseRecord),
                      }
                    : null
                }
              />
              <LedgerImport caseId={caseId} />
            </Space>
          )
        }
      >
        {ledger.items.length === 0 ? (
          <Empty description={l.empty} />
        ) : (
          <LedgerTables
            ledger={ledger}
            today={today}
            warnDays={caseRecord.warnDays}
            canWrite={actions.canWrite}
            onOpen={setOpenId}
            onAdd={(itemId) => void actions.addTask(itemId).then((t) => setOpenId(t.id))}
          />
        )}
      </Card>
      <Drawer
        open={openId !== null}
        width={720}
        title={l.task}
        onClose={() => setOpenId(null)}
        destroyOnHidden
      >
        {openId && <TaskDrawerBody caseId={caseId} taskId={openId} />}
      </Drawer>
    </>
  );
}
