import type { ReactNode } from 'react';

/** A scrolling box of figures, reachable by keyboard so its rows can be scrolled without a mouse. */
export function ScrollRegion(props: { label: string; tall?: boolean; children: ReactNode }) {
  return (
    <div
      className={props.tall ? 'figure-table-wrap tall' : 'figure-table-wrap'}
      role="region"
      aria-label={props.label}
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- scrollable content must be focusable
      tabIndex={0}
    >
      {props.children}
    </div>
  );
}
