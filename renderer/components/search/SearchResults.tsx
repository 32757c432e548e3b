import { useEffect } from 'react';
import { Alert, Empty, Spin, Typography } from 'antd';
import { isRecordKind } from '../../../shared/domain/records';
import { zh } from '../../../shared/i18n/zh-CN';
import { useSearch } from '../../hooks/search';
import { openHit } from '../../search/navigation';
import { useSearchStore } from '../../stores/search.store';
import { RECORD_TITLES } from '../records/titles';
import { Highlighted } from './Highlighted';

export const RESULTS_ID = 'search-results';

/**
 * Hits are plain elements styled like antd's blue Tag and Paragraph: fifty of those components
 * took most of a keystroke's time to render (measured: the worker answers in 10–60 ms, the page
 * took 60–600 ms more on a busy machine).
 */
const KIND_TAG = {
  display: 'inline-block',
  marginInlineEnd: 8,
  padding: '0 7px',
  fontSize: 12,
  lineHeight: '20px',
  color: '#0958d9',
  background: '#e6f4ff',
  border: '1px solid #91caff',
  borderRadius: 4,
} as const;
export const hitId = (index: number) => `search-hit-${index}`;

/**
 * Hits for the search box's query, best first, with the matched words marked. The box keeps
 * the focus: ↑/↓ move the active hit (the box points at it with aria-activedescendant), Enter
 * opens it (see CaseWorkspace).
 */
export function SearchResults({ caseId, query }: { caseId: string; query: string }) {
  const { answer, searching } = useSearch(caseId, query);
  const active = useSearchStore((s) => s.active);

  useEffect(() => {
    document.getElementById(hitId(active))?.scrollIntoView({ block: 'nearest' });
  }, [active, answer]);

  if (!answer) return <Spin description={zh.search.searching} />;
  const { result, status } = answer;
  return (
    <div
      data-testid="search-results"
      data-query={answer.query}
      data-complete={!status.building}
      aria-busy={searching}
    >
      {status.building && (
        <Alert
          type="info"
          showIcon
          data-testid="search-index-building"
          title={zh.searchIndex.building(status.indexed, status.total)}
          style={{ marginBottom: 12 }}
        />
      )}
      {status.failed && !status.building && (
        <Alert type="warning" showIcon title={zh.searchIndex.failed} style={{ marginBottom: 12 }} />
      )}
      <Typography.Text type="secondary" data-testid="search-summary">
        {zh.search.results(result.total, result.hits.length)} {searching && <Spin size="small" />}
      </Typography.Text>
      {result.hits.length > 0 && (
        <Typography.Text type="secondary" style={{ marginLeft: 12, fontSize: 12 }}>
          {zh.searchIndex.keys}
        </Typography.Text>
      )}
      {result.hits.length === 0 ? (
        <Empty description={zh.search.none} />
      ) : (
        <div id={RESULTS_ID} role="listbox" aria-label={zh.search.placeholder}>
          {result.hits.map((hit, index) => (
            <div
              key={hit.id}
              id={hitId(index)}
              role="option"
              aria-selected={index === active}
              data-testid="search-hit"
              style={{
                cursor: 'pointer',
                padding: '12px',
                borderBottom: '1px solid #f0f0f0',
                borderRadius: 6,
                ...(index === active && {
                  background: '#e6f4ff',
                  boxShadow: 'inset 3px 0 0 #1677ff',
                }),
              }}
              onClick={() => openHit(caseId, hit, answer.query)}
            >
              <div style={{ marginBottom: 4, fontWeight: 500 }}>
                <span style={KIND_TAG}>
                  {isRecordKind(hit.kind) ? RECORD_TITLES[hit.kind] : hit.kind}
                </span>
                <Highlighted
                  text={hit.title || zh.records.untitled}
                  highlights={hit.titleHighlights}
                />
              </div>
              {hit.snippets.map((s, i) => (
                <p key={i} style={{ margin: '0 0 4px' }}>
                  {s.offset > 0 && '…'}
                  <Highlighted text={s.text} highlights={s.highlights} />…
                </p>
              ))}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
