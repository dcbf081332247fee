// Ant Design's look without its components' code, for the few the first chunk draws around the
// login (issue 18): the header's language switch (Segmented), the demo station's tag (Tag) and the
// login's notices (Alert), drawn as antd draws them (the same elements and classes, antd.css's
// rules) with their theme variables registered by their style hooks, which is all those hooks do
// in zero-runtime mode. antd's own Segmented, Tag and Alert brought their motion, keyboard,
// closable and semantic-class machinery into the chunk the login parses and the first render it
// waits for; the logged-in screens keep using antd's components.

import { CloseCircleFilled, InfoCircleFilled } from '@ant-design/icons';
import useAlertStyle from 'antd/es/alert/style';
import useSegmentedStyle from 'antd/es/segmented/style';
import useTagStyle from 'antd/es/tag/style';
import { useId, useState, type CSSProperties, type ReactNode } from 'react';

/** An alert without a close button or description: antd's `<Alert type showIcon title />`. */
export function PlainAlert({ type, title, style, testId }: { type: 'info' | 'error'; title: ReactNode; style?: CSSProperties; testId?: string }) {
  const [hashId, cssVarCls] = useAlertStyle('ant-alert');
  return (
    <div data-show="true" className={`ant-alert ant-alert-${type} ant-alert-outlined ${cssVarCls} ${hashId}`} role="alert" style={style} data-testid={testId}>
      <span className="ant-alert-icon">{type === 'error' ? <CloseCircleFilled /> : <InfoCircleFilled />}</span>
      <div className="ant-alert-section">
        <div className="ant-alert-title">{title}</div>
      </div>
    </div>
  );
}

/** A filled tag in one of antd's preset colours: antd's `<Tag color>`. */
export function PlainTag({ color, style, children }: { color: 'orange' | 'green' | 'red'; style?: CSSProperties; children: ReactNode }) {
  const [hashId, cssVarCls] = useTagStyle('ant-tag');
  return (
    <span className={`ant-tag ant-tag-filled ant-tag-${color} ${hashId} ${cssVarCls}`} style={style}>
      {children}
    </span>
  );
}

/**
 * A small segmented choice: antd's `<Segmented size="small" options value onChange />`, its items
 * radio buttons of one group (the arrow keys move between them, as in antd's).
 */
export function PlainSegmented<T extends string>({
  label,
  options,
  value,
  onChange,
  testId,
}: {
  /** What the group chooses, for a screen reader. */
  label: string;
  options: { label: string; value: T }[];
  value: T;
  onChange(value: T): void;
  testId?: string;
}) {
  const [hashId, cssVarCls] = useSegmentedStyle('ant-segmented');
  const name = useId();
  /** The item the keyboard is on (antd's focus ring); not shown for a click. */
  const [focused, setFocused] = useState<T | null>(null);
  return (
    <div role="radiogroup" aria-label={label} data-testid={testId} className={`ant-segmented ant-segmented-sm ${hashId} ${cssVarCls}`}>
      <div className="ant-segmented-group">
        {options.map((option) => {
          const selected = option.value === value;
          return (
            <label
              key={option.value}
              className={`ant-segmented-item${selected ? ' ant-segmented-item-selected ant-segmented-item-selected-text' : ''}${focused === option.value ? ' ant-segmented-item-focused' : ''}`}
            >
              <input
                className="ant-segmented-item-input"
                type="radio"
                name={name}
                checked={selected}
                onChange={() => onChange(option.value)}
                onFocus={(event) => setFocused(event.currentTarget.matches(':focus-visible') ? option.value : null)}
                onBlur={() => setFocused(null)}
              />
              <div className="ant-segmented-item-label" title={option.label}>
                {option.label}
              </div>
            </label>
          );
        })}
      </div>
    </div>
  );
}
