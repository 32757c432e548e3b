import type { KeyboardEvent } from 'react';
import { Input } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { zh } from '../../../shared/i18n/zh-CN';
import { useUi } from '../../stores/ui.store';
import { useSearchStore } from '../../stores/search.store';
import { forgetOpenedHit, openHit } from '../../search/navigation';
import { useSearchClient } from '../../hooks/search';
import { FIRST_HITS, RESULTS_ID, hitId } from './SearchResults';

/**
 * The case's search box. It alone follows what is typed into it (with the results below): the
 * workspace around it renders only when searching starts or stops.
 */
export function SearchBox({ caseId }: { caseId: string }) {
  const search = useUi((s) => s.search);
  const activeHit = useSearchStore((s) => (s.answer?.query === search ? s.active : null));
  const client = useSearchClient(caseId);
  // A plain Input with the icon in front: antd's Input.Search adds a button and its wave to
  // every keystroke's render, for a search that runs as one types anyway.
  return (
    <span data-testid="search-box" style={{ display: 'inline-block', width: 360 }}>
      <Input
        aria-label={zh.search.placeholder}
        placeholder={zh.search.placeholder}
        prefix={SEARCH_ICON}
        allowClear
        value={search}
        onChange={(e) => {
          const query = e.target.value;
          // Asked now, so the worker searches while the page renders; the results' own request
          // for the same query then shares this answer.
          if (query.trim() !== '') void client().search(query, FIRST_HITS);
          useUi.getState().setSearch(query);
          forgetOpenedHit();
        }}
        onKeyDown={(e) => onResultKey(caseId, search, e)}
        role="combobox"
        aria-expanded={search.trim() !== ''}
        aria-controls={RESULTS_ID}
        aria-activedescendant={activeHit === null ? undefined : hitId(activeHit)}
      />
    </span>
  );
}

const SEARCH_ICON = <SearchOutlined style={{ color: 'rgba(0, 0, 0, 0.45)' }} />;

/** ↑/↓ in the search box move the active hit, Enter opens it. */
function onResultKey(caseId: string, query: string, e: KeyboardEvent<HTMLInputElement>) {
  const results = useSearchStore.getState();
  if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    e.preventDefault(); // not the caret's start or end
    results.move(e.key === 'ArrowDown' ? 1 : -1);
  } else if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
    const hit = results.activeHit();
    if (hit && results.answer?.query === query) openHit(caseId, hit, query);
  }
}
