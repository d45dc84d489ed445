import { DndContext, KeyboardSensor, PointerSensor, closestCenter, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { Dispatch } from 'react';
import { locate, type BuilderAction } from './builderState';
import { fieldTypeLabels, isContainer } from './fieldTypes';
import type { FieldDraft } from './formDraft';

export interface FieldListProps {
  readonly fields: readonly FieldDraft[];
  readonly selectedId: string | null;
  readonly dispatch: Dispatch<BuilderAction>;
  /** How many problems each field has (by local id), from the last save or publish. */
  readonly problemCounts: ReadonlyMap<string, number>;
}

/**
 * The form's fields in order, groups with their fields indented below them. Reorder by dragging the handle (mouse,
 * or the keyboard: focus the handle, Space, arrows, Space) or with the move buttons; nest with "Place in".
 */
export function FieldList({ fields, selectedId, dispatch, problemCounts }: FieldListProps) {
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));

  const onDragEnd = (event: DragEndEvent) => {
    const activeId = String(event.active.id);
    const overId = event.over ? String(event.over.id) : null;
    if (overId === null || overId === activeId) {
      return;
    }
    const from = locate(fields, activeId, null);
    const to = locate(fields, overId, null);
    // Dragging reorders within one list; moving between lists is "Place in", which says where the field goes.
    if (from && to && from.parentId === to.parentId) {
      dispatch({ type: 'moveField', id: activeId, parentId: to.parentId, index: to.index });
    }
  };

  if (fields.length === 0) {
    return (
      <p className="fb-empty" role="status">
        No fields yet. Add one from the palette.
      </p>
    );
  }
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{
        screenReaderInstructions: { draggable: 'To move a field, press Space, use the arrow keys, then press Space again to drop it or Escape to cancel.' },
      }}
    >
      <Level fields={fields} selectedId={selectedId} dispatch={dispatch} problemCounts={problemCounts} depth={0} />
    </DndContext>
  );
}

function Level({ fields, depth, ...rest }: FieldListProps & { readonly depth: number }) {
  return (
    <SortableContext items={fields.map((field) => field.id)} strategy={verticalListSortingStrategy}>
      <ol className={`fb-fields${depth > 0 ? ' fb-fields--nested' : ''}`} aria-label={depth === 0 ? 'Fields of the form' : undefined}>
        {fields.map((field, index) => (
          <FieldRow key={field.id} field={field} index={index} count={fields.length} depth={depth} {...rest} />
        ))}
      </ol>
    </SortableContext>
  );
}

function FieldRow({ field, index, count, depth, selectedId, dispatch, problemCounts }: Omit<FieldListProps, 'fields'> & { readonly field: FieldDraft; readonly index: number; readonly count: number; readonly depth: number }) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: field.id });
  const problems = problemCounts.get(field.id) ?? 0;
  const label = typeof field.props.label === 'string' && field.props.label !== '' ? field.props.label : field.key;
  const selected = field.id === selectedId;
  return (
    <li ref={setNodeRef} className={`fb-field${selected ? ' fb-field--selected' : ''}${isDragging ? ' fb-field--dragging' : ''}`} style={{ transform: CSS.Transform.toString(transform), transition }}>
      <div className="fb-field__row">
        <button type="button" className="fb-field__handle" aria-label={`Drag ${field.key}`} {...attributes} {...listeners}>
          ⠿
        </button>
        <button type="button" className="fb-field__select" aria-pressed={selected} onClick={() => dispatch({ type: 'select', id: field.id })}>
          <span className="fb-field__label">{label}</span>
          <span className="fb-field__meta">
            <span className="mono">{field.key}</span> · {fieldTypeLabels[field.type]}
            {field.props.required === true ? ' · required' : ''}
            {typeof field.props.visibleWhen === 'string' ? ' · conditional' : ''}
          </span>
          {problems > 0 ? <span className="fb-field__problems">{problems === 1 ? '1 problem' : `${problems} problems`}</span> : null}
        </button>
        <button type="button" className="button button--quiet fb-field__move" aria-label={`Move ${field.key} up`} disabled={index === 0} onClick={() => dispatch({ type: 'moveBy', id: field.id, offset: -1 })}>
          ↑
        </button>
        <button type="button" className="button button--quiet fb-field__move" aria-label={`Move ${field.key} down`} disabled={index === count - 1} onClick={() => dispatch({ type: 'moveBy', id: field.id, offset: 1 })}>
          ↓
        </button>
      </div>
      {isContainer(field.type) ? (
        field.fields.length > 0 ? (
          <Level fields={field.fields} selectedId={selectedId} dispatch={dispatch} problemCounts={problemCounts} depth={depth + 1} />
        ) : (
          <p className="fb-empty fb-empty--nested">No fields in {field.key} yet: add one with the palette while it is selected, or use "Place in".</p>
        )
      ) : null}
    </li>
  );
}

/** Where a palette click adds a field: into the selected group, after the selected field, or at the end. */
export function insertionPoint(fields: readonly FieldDraft[], selectedId: string | null): { readonly parentId: string | null; readonly index?: number } {
  if (selectedId === null) {
    return { parentId: null };
  }
  const location = locate(fields, selectedId, null);
  if (!location) {
    return { parentId: null };
  }
  const selected = location.siblings[location.index]!;
  if (isContainer(selected.type)) {
    return { parentId: selected.id };
  }
  return { parentId: location.parentId, index: location.index + 1 };
}
