import { useEffect, useRef, useState } from 'react';

/** The height of an element, kept up to date: virtual lists need a number, not "fill the rest". */
export function useHeight<T extends HTMLElement>(initial = 400) {
  const ref = useRef<T>(null);
  const [height, setHeight] = useState(initial);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setHeight(Math.max(200, Math.floor(entry.contentRect.height)));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, height] as const;
}
