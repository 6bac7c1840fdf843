import { useEffect, useState, type RefObject } from 'react';

/** The height left below an element down to the window's bottom edge (less a margin), at least `min`. */
export function heightLeft(windowHeight: number, top: number, { min, margin }: { min: number; margin: number }): number {
  return Math.max(min, Math.floor(windowHeight - top - margin));
}

/**
 * The feed fills the window below its own top, whatever sits above it (an alarm banner, filters
 * that wrap): measured again when the window or the page's layout changes.
 */
export function useFillHeight(ref: RefObject<HTMLElement | null>, options = { min: 320, margin: 24 }): number {
  const [height, setHeight] = useState(600);
  useEffect(() => {
    const measure = () => {
      const element = ref.current;
      if (element) setHeight(heightLeft(window.innerHeight, element.getBoundingClientRect().top, options));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    const page = ref.current?.closest('.app-main');
    if (page) observer.observe(page);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
    // The options are constants of the caller.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ref]);
  return height;
}
