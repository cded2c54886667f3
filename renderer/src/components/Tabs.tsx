/**
 * A row of tabs (WAI-ARIA tabs pattern): the chosen tab is the one stop for Tab, and the arrow
 * keys move between tabs. `prefix` keeps ids apart when a screen has more than one row.
 */
export function TabList<K extends string>(props: {
  tabs: readonly K[];
  current: K;
  onSelect: (tab: K) => void;
  label: string;
  labelOf: (tab: K) => string;
  prefix?: string;
}) {
  const { tabs, current, onSelect, prefix = '' } = props;
  return (
    <div className="tabs" role="tablist" aria-label={props.label}>
      {tabs.map((k, i) => (
        <button
          key={k}
          type="button"
          role="tab"
          id={tabId(prefix, k)}
          aria-selected={current === k}
          aria-controls={tabPanelId(prefix, k)}
          tabIndex={current === k ? 0 : -1}
          className="tab"
          onClick={() => onSelect(k)}
          onKeyDown={(e) => {
            const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
            if (!step) return;
            e.preventDefault();
            const next = tabs[(i + step + tabs.length) % tabs.length]!;
            onSelect(next);
            document.getElementById(tabId(prefix, next))?.focus();
          }}
          data-testid={tabId(prefix, k)}
        >
          {props.labelOf(k)}
        </button>
      ))}
    </div>
  );
}

export const tabId = (prefix: string, tab: string) => `${prefix}tab-${tab}`;
export const tabPanelId = (prefix: string, tab: string) => `${prefix}tabpanel-${tab}`;
