import { Space } from 'antd';
import { useCompareHits, useCompareLists, useCompareRules } from '../hooks/compare';
import { HitsCard } from '../components/compare/HitsCard';
import { ListsCard } from '../components/compare/ListsCard';
import { RulesCard } from '../components/compare/RulesCard';

/**
 * 数据比对: the lists the unit handed over, the rules run over them, and the 疑点 found, each
 * to be verified (属实 / 不属实) and, when 属实, turned into a clue or a finding.
 */
export function ComparisonPage({ caseId }: { caseId: string }) {
  const lists = useCompareLists(caseId);
  const rules = useCompareRules(caseId);
  const hits = useCompareHits(caseId);
  if (!lists || !rules || !hits) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={16}>
      <ListsCard caseId={caseId} lists={lists} />
      <RulesCard caseId={caseId} lists={lists} rules={rules} />
      <HitsCard caseId={caseId} rules={rules} hits={hits} />
    </Space>
  );
}
