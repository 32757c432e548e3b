import { Card, Drawer, Empty } from 'antd';
import { zh } from '../../shared/i18n/zh-CN';
import { navigate } from '../app/route';
import { useCase } from '../hooks/cases';
import { useIsLeader } from '../hooks/findings';
import { useRecheckActions, useRechecks } from '../hooks/rechecks';
import { ClueFollowUps } from '../components/lookback/ClueFollowUps';
import { LookbackStart } from '../components/lookback/LookbackStart';
import { LookbackSummary } from '../components/lookback/LookbackSummary';
import { RecheckDrawerBody } from '../components/lookback/RecheckDrawer';
import { RecheckTable } from '../components/lookback/RecheckTable';

const t = zh.recheck;

/**
 * 回头看复核: the earlier round's ledger, 问题 by 问题, with the 复核 of each; and the clues it
 * handed over, with whether a reply came back. Starts from the earlier case.
 */
export function LookbackPage({
  caseId,
  recheckId,
}: {
  caseId: string;
  recheckId?: string | undefined;
}) {
  const caseRecord = useCase(caseId);
  const rows = useRechecks(caseId);
  const isLeader = useIsLeader(caseId);
  const { actor } = useRecheckActions(caseId);
  // The open 复核 is in the address, like an open record: a reload, or a finding's evidence
  // pointing here, opens it.
  const open = (id: string | undefined) =>
    navigate({ page: 'case', caseId, section: 'lookback', ...(id && { recordId: id }) });
  if (!caseRecord || rows === undefined) return null;
  if (caseRecord.type !== 'lookback') return <Empty description={t.onlyLookback} />;
  if (rows.length === 0) return <LookbackStart caseRecord={caseRecord} isLeader={isLeader} />;
  const problems = rows.filter((r) => r.source === 'problem');
  const clues = rows.filter((r) => r.source === 'clue');
  return (
    <>
      <LookbackSummary caseRecord={caseRecord} rows={rows} isLeader={isLeader} />
      <Card size="small" title={t.problems} style={{ marginTop: 16 }}>
        <RecheckTable caseId={caseId} rows={problems} onOpen={open} />
      </Card>
      {clues.length > 0 && (
        <Card size="small" title={t.clues} style={{ marginTop: 16 }}>
          <ClueFollowUps rows={clues} />
        </Card>
      )}
      <Drawer
        open={recheckId !== undefined}
        width={760}
        title={t.recheck}
        onClose={() => open(undefined)}
        destroyOnHidden
      >
        {recheckId && actor && (
          <RecheckDrawerBody key={recheckId} caseId={caseId} recheckId={recheckId} actor={actor} />
        )}
      </Drawer>
    </>
  );
}
