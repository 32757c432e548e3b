// The start-up benchmark's baseline (npm run bench -- ui): the least a React page can do, one
// <div> with a line of text rendered by react-dom, built like the app and loaded the same way.
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(createElement('div', null, '巡察工作台'));
