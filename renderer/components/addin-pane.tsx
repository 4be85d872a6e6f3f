// The room's add-in pane (DESIGN §1 item 4, §1b): region "Add-in" with a sandboxed iframe titled
// with the add-in's name, beside the conversation. The decisions live in ./addin-policy.ts, the
// postMessage bridge in ./use-addin-bridge.ts, the remembered size in ./use-addin-layout.ts.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Addin, RoomDetail } from '../../common/protocol';
import { decideAddinFrame } from './addin-policy';
import { AddinResizeHandle } from './addin-resize-handle';
import { useAddinBridge } from './use-addin-bridge';
import { useAddinLayout } from './use-addin-layout';

export function AddinPane({ room }: { room: RoomDetail }) {
  if (!room.addin) return null;
  // Keyed by URL: a changed add-in is a new frame with a fresh bridge.
  return <AddinFrame key={room.addin.url} room={room} addin={room.addin} />;
}

function AddinFrame({ room, addin }: { room: RoomDetail; addin: Addin }) {
  const { t } = useTranslation();
  const bodyId = useId();
  const decision = decideAddinFrame(addin, window.location.origin);
  const { frame, onLoad } = useAddinBridge(decision.kind === 'bridged' ? decision.origin : null, room);
  const { layout, setWidth, toggleCollapsed } = useAddinLayout(room.id);
  const expanded = !layout.collapsed;

  return (
    <section
      className="addin-pane"
      aria-label={t('addin.region')}
      data-collapsed={String(layout.collapsed)}
      style={expanded ? { width: `${layout.width}px` } : undefined}
    >
      {expanded && <AddinResizeHandle width={layout.width} controls={bodyId} onResize={setWidth} />}
      <h2 className="addin-heading">
        <button type="button" className="addin-toggle" aria-expanded={expanded} aria-controls={bodyId} onClick={toggleCollapsed}>
          <span aria-hidden="true">{expanded ? '▾' : '▸'}</span> {addin.name}
        </button>
      </h2>
      {/* Collapsing only hides the frame: the add-in keeps its state and keeps receiving. */}
      <div id={bodyId} className="addin-body" hidden={!expanded}>
        {decision.kind === 'blocked' ? (
          <p className="addin-note" role="note">
            {t('addin.blocked', { name: addin.name })}
          </p>
        ) : (
          <>
            {decision.kind === 'isolated' && (
              <p className="addin-note" role="note">
                {t('addin.isolated')}
              </p>
            )}
            <iframe
              ref={frame}
              className="addin-frame"
              title={addin.name}
              src={decision.url}
              sandbox={decision.sandbox}
              allow=""
              referrerPolicy="no-referrer"
              onLoad={onLoad}
            />
          </>
        )}
      </div>
    </section>
  );
}
