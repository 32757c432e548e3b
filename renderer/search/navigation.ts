/**
 * Going from search results to a record and back (issue 11, A11): the record opens at its
 * first match, selected, and 返回 shows the same query and results, at the same hit.
 */
import { isRecordKind } from '../../shared/domain/records';
import { firstMatch, queryTerms, type SearchHit } from '../../shared/search';
import { navigate, parseRoute } from '../app/route';
import { useSearchStore, type OpenedHit } from '../stores/search.store';
import { useUi } from '../stores/ui.store';

/** Opens a hit of the results for `query`, remembering where to come back to. */
export function openHit(caseId: string, hit: SearchHit, query: string): void {
  if (!isRecordKind(hit.kind)) return;
  const from = parseRoute(window.location.hash);
  useUi.getState().setSearch('');
  useSearchStore.getState().setOpened({ caseId, recordId: hit.id, query, from });
  navigate({ page: 'case', caseId, section: hit.kind, recordId: hit.id });
}

/** Back to the results the opened record came from: same query, same place. */
export function backToResults(): void {
  const opened = useSearchStore.getState().opened;
  if (!opened) return;
  useSearchStore.getState().setOpened(null);
  useUi.getState().setSearch(opened.query);
  navigate(opened.from);
}

/** Forgets the opened hit: the user went elsewhere by other ways (menu, a new search). */
export function forgetOpenedHit(): void {
  if (useSearchStore.getState().opened) useSearchStore.getState().setOpened(null);
}

/** Opened hits whose record has shown its match: shown once, not at every later render. */
const revealed = new WeakSet<OpenedHit>();

/** Shows the match of `opened` in `container` the first time its record is on screen. */
export function revealOnce(opened: OpenedHit, container: HTMLElement): void {
  if (revealed.has(opened)) return;
  revealed.add(opened);
  // After layout (the text areas size themselves to their text in the first frame), and
  // again for a few frames while the form fills in its values.
  let frames = 0;
  const attempt = () => {
    if (!container.isConnected || revealMatch(container, opened.query)) return;
    if (++frames < REVEAL_FRAMES) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}

/** How long a record may take to show its values before it is left at the top: ~1 s. */
const REVEAL_FRAMES = 60;

/**
 * In the record editor `container`, the first text field holding a term of `query`, in reading
 * order: scrolled to the middle of the view, focused, the match selected (the browser's own
 * selection: a true highlight that also reads out, and that 引用 can take at once).
 * Returns whether it is done: false while there is no match yet (the values are still being
 * filled in, or the match sits only in a chosen option or a folded text) or it cannot focus.
 */
export function revealMatch(container: HTMLElement, query: string): boolean {
  const terms = queryTerms(query);
  const fields = container.querySelectorAll<HTMLTextAreaElement | HTMLInputElement>(
    'textarea, input[type="text"], input:not([type])',
  );
  for (const field of fields) {
    const match = firstMatch(field.value, terms);
    if (!match) continue;
    if (field instanceof HTMLTextAreaElement) scrollTextTo(field, match.end);
    field.setSelectionRange(match.start, match.end);
    field.focus({ preventScroll: true });
    field.scrollIntoView({ block: 'center' });
    // A form is disabled until it knows the current member may write: try again until the
    // field could take the focus (a reader's form stays disabled: it keeps the scroll).
    return !field.disabled;
  }
  return false;
}

/**
 * Scrolls a text area that holds more lines than it shows to the line where `end` is: Chromium
 * does not scroll to a selection set by script. The text up to there, measured in the area
 * itself, gives the line's height (same width, font and wrapping); React never sees it, since
 * no input event is sent and the value is put back at once.
 */
function scrollTextTo(area: HTMLTextAreaElement, end: number): void {
  if (area.scrollHeight <= area.clientHeight) return;
  const full = area.value;
  area.value = full.slice(0, end);
  const y = area.scrollHeight;
  area.value = full;
  area.scrollTop = Math.max(0, y - area.clientHeight / 2);
}
