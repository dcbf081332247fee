// Ant Design's look without its code (issue 18), where a slow PC waits for it: the header's
// language switch (Segmented), the demo station's tag (Tag) and the login's notices (Alert) in the
// chunk the login parses, which holds no antd code at all, and the residents list's tags and eye
// buttons, drawn several dozen times in the list's first rows. Each is drawn as antd draws it (the
// same elements and classes, antd.css's rules), with the theme's class, under which the build's
// stylesheet holds its variables (../theme/themeStyles.ts). antd's own components bring their
// motion, keyboard, closable, wave and semantic-class machinery, and each instance runs its
// context and token hooks; the other screens keep using them.

import { CloseCircleFilled, InfoCircleFilled, LoadingOutlined } from '@ant-design/icons';
import { useId, useState, type CSSProperties, type ReactNode } from 'react';
import { THEME_CLASS } from '../theme/theme';

/** An alert without a close button or description: antd's `<Alert type showIcon title />`. */
export function PlainAlert({ type, title, style, testId }: { type: 'info' | 'error'; title: ReactNode; style?: CSSProperties; testId?: string }) {
  return (
    <div data-show="true" className={`ant-alert ant-alert-${type} ant-alert-outlined ${THEME_CLASS}`} role="alert" style={style} data-testid={testId}>
      <span className="ant-alert-icon">{type === 'error' ? <CloseCircleFilled /> : <InfoCircleFilled />}</span>
      <div className="ant-alert-section">
        <div className="ant-alert-title">{title}</div>
      </div>
    </div>
  );
}

/** A filled tag, plain or in one of antd's preset colours: antd's `<Tag>` and `<Tag color>`. */
export function PlainTag({ color, style, children }: { color?: 'orange' | 'green' | 'red' | 'default'; style?: CSSProperties; children: ReactNode }) {
  return (
    <span className={`ant-tag ant-tag-filled${color ? ` ant-tag-${color}` : ''} ${THEME_CLASS}`} style={style}>
      {children}
    </span>
  );
}

/**
 * A small borderless button showing only an icon: antd's `<Button type="text" size="small" icon
 * loading title aria-label />`. `label` is its name and its hint. While `loading`, antd's spinning
 * icon takes the icon's place and a click does nothing.
 */
export function PlainIconButton({
  icon,
  label,
  loading = false,
  onClick,
  testId,
}: {
  icon: ReactNode;
  label: string;
  loading?: boolean;
  onClick(event: React.MouseEvent<HTMLButtonElement>): void;
  testId?: string;
}) {
  return (
    <button
      type="button"
      title={label}
      aria-label={label}
      data-testid={testId}
      className={`ant-btn ${THEME_CLASS} ant-btn-text ant-btn-color-default ant-btn-variant-text ant-btn-sm ant-btn-icon-only${loading ? ' ant-btn-loading' : ''}`}
      onClick={(event) => {
        if (loading) event.preventDefault();
        else onClick(event);
      }}
    >
      <span className={`ant-btn-icon${loading ? ' ant-btn-loading-icon' : ''}`}>{loading ? <LoadingOutlined /> : icon}</span>
    </button>
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
  const name = useId();
  /** The item the keyboard is on (antd's focus ring); not shown for a click. */
  const [focused, setFocused] = useState<T | null>(null);
  return (
    <div role="radiogroup" aria-label={label} data-testid={testId} className={`ant-segmented ant-segmented-sm ${THEME_CLASS}`}>
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
