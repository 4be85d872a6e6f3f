// The add-in pane's left edge: drag it, or focus it and use the arrow keys (WAI-ARIA window
// splitter pattern). The pane sits on the right, so moving the edge left makes it wider.
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ADDIN_WIDTH } from './use-addin-layout';

export function AddinResizeHandle({
  width,
  controls,
  onResize,
}: {
  width: number;
  controls: string;
  onResize: (width: number) => void;
}) {
  const { t } = useTranslation();
  const drag = useRef<{ x: number; width: number } | null>(null);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const next: Record<string, number> = {
      ArrowLeft: width + ADDIN_WIDTH.step,
      ArrowRight: width - ADDIN_WIDTH.step,
      PageUp: width + ADDIN_WIDTH.page,
      PageDown: width - ADDIN_WIDTH.page,
      Home: ADDIN_WIDTH.min,
      End: ADDIN_WIDTH.max,
    };
    const target = next[event.key];
    if (target === undefined) return;
    event.preventDefault();
    onResize(target);
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    drag.current = { x: event.clientX, width };
    // Keeps the moves coming while the pointer is over the add-in frame.
    event.currentTarget.setPointerCapture(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (drag.current) onResize(drag.current.width + (drag.current.x - event.clientX));
  };
  const endDrag = () => {
    drag.current = null;
  };

  return (
    <div
      className="addin-resize"
      role="separator"
      tabIndex={0}
      aria-orientation="vertical"
      aria-label={t('addin.resize')}
      aria-controls={controls}
      aria-valuenow={width}
      aria-valuemin={ADDIN_WIDTH.min}
      aria-valuemax={ADDIN_WIDTH.max}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={endDrag}
      onPointerCancel={endDrag}
    />
  );
}
