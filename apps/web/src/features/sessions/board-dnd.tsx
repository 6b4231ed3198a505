import { DndContext, MouseSensor, TouchSensor, useDraggable, useDroppable, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import type { ReactNode } from 'react';

/** The drop target of the contributions not in any group. */
export const LOOSE_DROP_ID = 'board-loose';

/**
 * Lets the animateur or a contributor drag a contribution onto another group of the board (pointer, mouse or touch).
 * The keyboard and screen-reader way stays the note's « Regroupement » select: dragging only adds a faster path.
 * With a mouse a drag starts after 6 pixels (clicks on the note's select and buttons are left alone); on a touch
 * screen after a quarter-second press, so the page still scrolls under a finger.
 */
export function BoardDnd({ enabled, onMove, children }: { enabled: boolean; onMove: (noteId: string, clusterId: string | null) => void; children: ReactNode }) {
  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 6 } }),
  );
  if (!enabled) return <>{children}</>;
  const end = ({ active, over }: DragEndEvent) => {
    if (!over) return;
    const from = (active.data.current as { clusterId: string | null } | undefined)?.clusterId ?? null;
    const to = over.id === LOOSE_DROP_ID ? null : String(over.id);
    if (from !== to) onMove(String(active.id), to);
  };
  return (
    // No keyboard sensor and no screen-reader announcements: the select is the accessible way to regroup.
    <DndContext sensors={sensors} onDragEnd={end} accessibility={{ screenReaderInstructions: { draggable: '' }, announcements: silent }}>
      {children}
    </DndContext>
  );
}

const silent = { onDragStart: () => undefined, onDragOver: () => undefined, onDragEnd: () => undefined, onDragCancel: () => undefined };

/** A group of the board that accepts dropped contributions (highlighted while one is dragged over it). */
export function DropGroup({
  id,
  enabled,
  className,
  label,
  children,
}: {
  id: string;
  enabled: boolean;
  className: string;
  label: string;
  children: ReactNode;
}) {
  const { setNodeRef, isOver } = useDroppable({ id, disabled: !enabled });
  return (
    <section ref={enabled ? setNodeRef : undefined} className={`${className}${isOver ? ' board-cluster--over' : ''}`} aria-label={label} data-drop-group={id}>
      {children}
    </section>
  );
}

/** Pointer listeners and position of a draggable contribution; no role or tab stop added (the select is the keyboard way). */
export function useDraggableNote(noteId: string, clusterId: string | null, enabled: boolean) {
  const { setNodeRef, listeners, transform, isDragging } = useDraggable({ id: noteId, data: { clusterId }, disabled: !enabled });
  return {
    ref: enabled ? setNodeRef : undefined,
    listeners: enabled ? listeners : undefined,
    style: transform ? { transform: `translate3d(${transform.x}px, ${transform.y}px, 0)`, zIndex: 10 } : undefined,
    dragging: isDragging,
  };
}
