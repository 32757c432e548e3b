import { Empty, List, Spin, Tag, Typography } from 'antd';
import { isRecordKind } from '../../../shared/domain/records';
import { zh } from '../../../shared/i18n/zh-CN';
import { useSearch } from '../../hooks/search';
import { navigate } from '../../app/route';
import { useUi } from '../../stores/ui.store';
import { RECORD_TITLES } from '../records/titles';
import { Highlighted } from './Highlighted';

/** Hits for the search box's query, best first, with the matched words marked. */
export function SearchResults({ caseId, query }: { caseId: string; query: string }) {
  const { result, searching, shownQuery } = useSearch(caseId, query);
  const setSearch = useUi((s) => s.setSearch);
  if (!result) return <Spin description={zh.search.searching} />;
  const open = (kind: string, recordId: string) => {
    if (!isRecordKind(kind)) return;
    setSearch('');
    navigate({ page: 'case', caseId, section: kind, recordId });
  };
  return (
    <div data-testid="search-results" data-query={shownQuery} aria-busy={searching}>
      <Typography.Text type="secondary" data-testid="search-summary">
        {zh.search.results(result.total, result.hits.length)} {searching && <Spin size="small" />}
      </Typography.Text>
      <List
        itemLayout="vertical"
        dataSource={result.hits}
        locale={{ emptyText: <Empty description={zh.search.none} /> }}
        renderItem={(hit) => (
          <List.Item
            key={hit.id}
            data-testid="search-hit"
            style={{ cursor: 'pointer' }}
            onClick={() => open(hit.kind, hit.id)}
          >
            <List.Item.Meta
              title={
                <>
                  <Tag color="blue">
                    {isRecordKind(hit.kind) ? RECORD_TITLES[hit.kind] : hit.kind}
                  </Tag>
                  <Highlighted
                    text={hit.title || zh.records.untitled}
                    highlights={hit.titleHighlights}
                  />
                </>
              }
            />
            {hit.snippets.map((s, i) => (
              <Typography.Paragraph key={i} style={{ marginBottom: 4 }}>
                {s.offset > 0 && '…'}
                <Highlighted text={s.text} highlights={s.highlights} />…
              </Typography.Paragraph>
            ))}
          </List.Item>
        )}
      />
    </div>
  );
}
