// The keystroke benchmark's baseline (npm run bench -- ui): a controlled <textarea> in a bare
// React page, the least work a keystroke in React can cost before the next frame is painted.
import { createElement, useState } from 'react';
import { createRoot } from 'react-dom/client';

function Editor() {
  const [text, setText] = useState('答：总体规范，但存在私车公养问题。'.repeat(8));
  return createElement('textarea', {
    'aria-label': '答',
    rows: 6,
    cols: 80,
    value: text,
    onChange: (e: { target: { value: string } }) => setText(e.target.value),
  });
}

createRoot(document.getElementById('root')!).render(createElement(Editor));
