import type { ReactNode } from 'react';

/**
 * More words one step away: a heading that opens what it names, by click, touch, Enter or Space
 * (the browser's own <details>), so a view's figures come first on a laptop's screen and the
 * explanation stays in reach.
 */
export function Disclosure(props: { summary: ReactNode; testId?: string; children: ReactNode }) {
  return (
    <details className="disclosure" data-testid={props.testId}>
      <summary>{props.summary}</summary>
      {props.children}
    </details>
  );
}
