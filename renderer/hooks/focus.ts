import { useEffect, useRef, type RefObject } from 'react';

/**
 * Once a record has loaded: if it is blank (just made with 新建), puts the cursor in `field`,
 * so the user can type at once. Only once per editor: never steals the focus later.
 */
export function useFocusFirstField(
  container: RefObject<HTMLElement | null>,
  field: string,
  blank: boolean | undefined,
): void {
  const done = useRef(false);
  useEffect(() => {
    if (done.current || blank === undefined) return;
    done.current = true;
    if (!blank) return;
    container.current
      ?.querySelector<HTMLElement>(`[data-field="${field}"] :is(input, textarea)`)
      ?.focus();
  }, [container, field, blank]);
}
