import { memo, useEffect, useRef, useState } from 'react';
import { Alert, Button, Empty, Spin } from 'antd';
import { isRecordKind } from '../../../shared/domain/records';
import { zh } from '../../../shared/i18n/zh-CN';
import { useSearch } from '../../hooks/search';
import type { SearchAnswer } from '../../search/searchClient';
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
/** A screenful: each keystroke draws these, not fifty (the rest come on scrolling to them). */
export const FIRST_HITS = 10;
const MORE_HITS = 30;
const SECONDARY = 'rgba(0, 0, 0, 0.45)';

/**
 * Hits for the search box's query, best first, with the matched words marked. The box keeps
 * the focus: ↑/↓ move the active hit (the box points at it with aria-activedescendant), Enter
 * opens it (see CaseWorkspace).
 */
export function SearchResults({ caseId, query }: { caseId: string; query: string }) {
  const [more, setMore] = useState({ query, limit: FIRST_HITS });
  const limit = more.query === query ? more.limit : FIRST_HITS;
  const { answer, searching } = useSearch(caseId, query, limit);
  const active = useSearchStore((s) => s.active);

  // Brings the hit ↑/↓ moved to into view (and the one 返回 came back to). Not the first hit,
  // at the top already: asking for a layout there cost each new query ~10–30 ms.
  useEffect(() => {
    if (active > 0) document.getElementById(hitId(active))?.scrollIntoView({ block: 'nearest' });
  }, [active]);

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
      <div style={{ color: SECONDARY, marginBottom: 4 }}>
        <span data-testid="search-summary">
          {zh.search.results(result.total, result.hits.length)}
          {searching && ` ${zh.search.searching}`}
        </span>
        {result.hits.length > 0 && (
          <span style={{ marginLeft: 12, fontSize: 12 }}>{zh.searchIndex.keys}</span>
        )}
      </div>
      {result.hits.length === 0 ? (
        <Empty description={zh.search.none} />
      ) : (
        <Hits caseId={caseId} answer={answer} active={active} />
      )}
      {result.total > result.hits.length && !searching && (
        <MoreHits
          count={Math.min(MORE_HITS, result.total - result.hits.length)}
          onMore={() => setMore({ query, limit: limit + MORE_HITS })}
        />
      )}
    </div>
  );
}

/**
 * The hits of one answer. Memoised: while the next query is on its way the list stays as it
 * is (marked busy above) instead of rendering its fifty hits again for nothing.
 */
const Hits = memo(function Hits(props: {
  caseId: string;
  answer: SearchAnswer & { query: string };
  active: number;
}) {
  const { caseId, answer, active } = props;
  return (
    <div id={RESULTS_ID} role="listbox" aria-label={zh.search.placeholder}>
      {answer.result.hits.map((hit, index) => (
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
            <Highlighted text={hit.title || zh.records.untitled} highlights={hit.titleHighlights} />
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
  );
});

/** More hits: on reaching the end of the list, or at a click. */
function MoreHits(props: { count: number; onMore: () => void }) {
  const button = useRef<HTMLButtonElement>(null);
  const onMore = useRef(props.onMore);
  useEffect(() => {
    onMore.current = props.onMore;
  });
  // Once per showing of the button: it goes while the next hits are fetched.
  useEffect(() => {
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        observer.disconnect();
        onMore.current();
      }
    });
    if (button.current) observer.observe(button.current);
    return () => observer.disconnect();
  }, []);
  return (
    <Button ref={button} type="link" onClick={() => onMore.current()} data-testid="search-more">
      {zh.search.more(props.count)}
    </Button>
  );
}
