import { zh } from '../../shared/i18n/zh-CN';

/**
 * Keyboard rules antd's widgets get wrong, fixed once for the whole app.
 *
 * Tab in an open select: antd's option list treats Tab as Enter: it toggles the highlighted
 * option and keeps the focus. In a multiple select the option just picked with Enter is still
 * highlighted, so the next Tab drops it again, and the focus never leaves (a keyboard trap).
 * Here Tab only ever moves the focus on, as everywhere else; leaving the field closes the list.
 * The listener sits on the window in the capture phase, before React's own listeners.
 */
export function installKeyboardRules(target: Window = window): () => void {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Tab' || !(event.target instanceof Element)) return;
    if (event.target.closest('.ant-select')) event.stopPropagation();
  };
  target.addEventListener('keydown', onKeyDown, true);
  const clearButtons = quietClearButtons(target.document.body);
  return () => {
    target.removeEventListener('keydown', onKeyDown, true);
    clearButtons.disconnect();
  };
}

const CLEAR_BUTTONS = '.ant-select-clear, .ant-picker-clear, .ant-input-clear-icon';

/**
 * The small × that clears a field: for the mouse (the keyboard has Backspace), so out of the Tab
 * order, and named in Chinese (antd's select names it "Clear"). antd renders them as fields fill,
 * so new ones are caught as they appear.
 */
function quietClearButtons(root: HTMLElement): MutationObserver {
  const quiet = (button: Element) => {
    if (button.getAttribute('tabindex') !== '-1') button.setAttribute('tabindex', '-1');
    if (button.getAttribute('aria-label') !== zh.common.clear) {
      button.setAttribute('aria-label', zh.common.clear);
    }
  };
  const observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      for (const node of mutation.addedNodes) {
        if (!(node instanceof Element)) continue;
        if (node.matches(CLEAR_BUTTONS)) quiet(node);
        node.querySelectorAll(CLEAR_BUTTONS).forEach(quiet);
      }
    }
  });
  root.querySelectorAll(CLEAR_BUTTONS).forEach(quiet);
  observer.observe(root, { childList: true, subtree: true });
  return observer;
}

/**
 * Enter in a dialog's date field: confirms the date typed, and must not also submit the dialog
 * (a form with a submit button submits on Enter in any of its inputs). For the form's onKeyDown.
 */
export function enterInDateDoesNotSubmit(event: {
  key: string;
  target: EventTarget;
  preventDefault(): void;
}): void {
  if (
    event.key === 'Enter' &&
    event.target instanceof Element &&
    event.target.closest('.ant-picker')
  ) {
    event.preventDefault();
  }
}
