import { createContext, useCallback, useContext, useMemo, useState, type CSSProperties, type HTMLAttributes, type ReactNode } from 'react';

/**
 * The few controls the owner's phone pages need, in plain React and one stylesheet (owner.css), with
 * antd's look and names. antd's shared core alone is about 75 KB of gzipped JavaScript, half of an owner
 * page's budget (issue 15 §5: ≤ 150 KB each), so these pages use this instead. Kept small on purpose:
 * add a control here only when an owner page needs it.
 */

type Testable = { 'data-testid'?: string };
const cx = (...names: (string | false | null | undefined)[]) => names.filter(Boolean).join(' ');

type ButtonProps = Testable & {
  type?: 'primary' | 'default' | 'link' | 'text';
  size?: 'middle' | 'large';
  block?: boolean;
  danger?: boolean;
  loading?: boolean;
  disabled?: boolean;
  icon?: ReactNode;
  href?: string;
  htmlType?: 'button' | 'submit';
  onClick?: () => void;
  style?: CSSProperties;
  'aria-pressed'?: boolean;
  children?: ReactNode;
};

export function Button({
  type = 'default',
  size = 'middle',
  block,
  danger,
  loading,
  disabled,
  icon,
  href,
  htmlType = 'button',
  onClick,
  style,
  children,
  ...rest
}: ButtonProps) {
  const className = cx('o-btn', `o-btn-${type}`, size === 'large' && 'o-btn-lg', block && 'o-btn-block', danger && 'o-btn-danger');
  const content = (
    <>
      {loading ? <span className="o-spin o-spin-sm" aria-hidden /> : icon ? <span className="o-btn-icon">{icon}</span> : null}
      {children === undefined ? null : <span className="o-btn-text">{children}</span>}
    </>
  );
  if (href && !disabled) {
    return (
      <a className={className} href={href} style={style} {...rest}>
        {content}
      </a>
    );
  }
  return (
    <button className={className} type={htmlType} disabled={disabled || loading} aria-busy={loading || undefined} onClick={onClick} style={style} {...rest}>
      {content}
    </button>
  );
}

type InputProps = Testable &
  Pick<HTMLAttributes<HTMLInputElement>, 'inputMode' | 'autoCapitalize'> & {
    value?: string;
    onChange?: (value: string) => void;
    placeholder?: string;
    maxLength?: number;
    autoComplete?: string;
    invalid?: boolean;
    id?: string;
    style?: CSSProperties;
  };

export function Input({ value, onChange, invalid, style, ...rest }: InputProps) {
  return (
    <input
      className={cx('o-input', invalid && 'o-invalid')}
      value={value ?? ''}
      onChange={(event) => onChange?.(event.target.value)}
      aria-invalid={invalid || undefined}
      style={style}
      {...rest}
    />
  );
}

type TextAreaProps = Testable & {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  maxLength?: number;
  rows?: number;
  showCount?: boolean;
  style?: CSSProperties;
};

/** Grows with its text (CSS field-sizing) from `rows` lines; with showCount, the characters used under it. */
export function TextArea({ value, onChange, rows = 3, showCount, maxLength, style, ...rest }: TextAreaProps) {
  return (
    <div className="o-textarea">
      <textarea
        className="o-input"
        value={value}
        rows={rows}
        maxLength={maxLength}
        onChange={(event) => onChange(event.target.value)}
        style={{ minHeight: `${rows * 1.6 + 1}em`, ...style }}
        {...rest}
      />
      {showCount && maxLength ? <div className="o-count">{`${value.length} / ${maxLength}`}</div> : null}
    </div>
  );
}

type TextProps = Testable & {
  strong?: boolean;
  type?: 'secondary' | 'danger';
  ellipsis?: boolean;
  block?: boolean;
  size?: number;
  style?: CSSProperties;
  children?: ReactNode;
};

export function Text({ strong, type, ellipsis, block, size, style, children, ...rest }: TextProps) {
  return (
    <span
      className={cx('o-text', strong && 'o-strong', type && `o-${type}`, ellipsis && 'o-ellipsis', block && 'o-block')}
      style={size ? { fontSize: size, ...style } : style}
      {...rest}
    >
      {children}
    </span>
  );
}

export function Title({ level, style, children, ...rest }: Testable & { level: 3 | 4 | 5; style?: CSSProperties; children: ReactNode }) {
  const Tag = level === 3 ? 'h1' : level === 4 ? 'h2' : 'h3';
  return (
    <Tag className={`o-title o-title-${level}`} style={style} {...rest}>
      {children}
    </Tag>
  );
}

export function Paragraph({ style, children, ...rest }: Testable & { style?: CSSProperties; children: ReactNode }) {
  return (
    <p className="o-paragraph" style={style} {...rest}>
      {children}
    </p>
  );
}

type FlexProps = Testable & {
  vertical?: boolean;
  gap?: number;
  align?: CSSProperties['alignItems'];
  justify?: CSSProperties['justifyContent'];
  wrap?: boolean;
  style?: CSSProperties;
  children?: ReactNode;
};

export function Flex({ vertical, gap, align, justify, wrap, style, children, ...rest }: FlexProps) {
  return (
    <div
      style={{
        display: 'flex',
        flexDirection: vertical ? 'column' : 'row',
        gap,
        alignItems: align,
        justifyContent: justify,
        flexWrap: wrap ? 'wrap' : undefined,
        ...style,
      }}
      {...rest}
    >
      {children}
    </div>
  );
}

/** antd's preset tag colours that the ticket statuses use (pages/service-desk/ticket-colours). */
const tagColours: Record<string, [string, string, string]> = {
  blue: ['#e6f4ff', '#91caff', '#0958d9'],
  processing: ['#e6f4ff', '#91caff', '#1677ff'],
  geekblue: ['#f0f5ff', '#adc6ff', '#1d39c4'],
  cyan: ['#e6fffb', '#87e8de', '#08979c'],
  green: ['#f6ffed', '#b7eb8f', '#389e0d'],
  lime: ['#fcffe6', '#eaff8f', '#7cb305'],
  warning: ['#fffbe6', '#ffe58f', '#d48806'],
  volcano: ['#fff2e8', '#ffbb96', '#d4380d'],
  red: ['#fff1f0', '#ffa39e', '#cf1322'],
  default: ['#fafafa', '#d9d9d9', 'rgba(0,0,0,.88)'],
};

export function Tag({
  color = 'default',
  style,
  children,
  ...rest
}: Testable & { color?: string; style?: CSSProperties; children: ReactNode; 'data-status'?: string }) {
  const [background, border, text] = tagColours[color] ?? tagColours.default!;
  return (
    <span className="o-tag" style={{ background, borderColor: border, color: text, ...style }} {...rest}>
      {children}
    </span>
  );
}

type AlertProps = Testable & { type: 'error' | 'warning' | 'info'; title: ReactNode; description?: ReactNode; action?: ReactNode; style?: CSSProperties };

export function Alert({ type, title, description, action, style, ...rest }: AlertProps) {
  return (
    <div className={`o-alert o-alert-${type}`} role={type === 'error' ? 'alert' : 'status'} style={style} {...rest}>
      <span className="o-alert-icon" aria-hidden>
        {type === 'info' ? 'i' : '!'}
      </span>
      <div style={{ flex: 1, minWidth: 0 }}>
        <div>{title}</div>
        {description ? <div className="o-secondary">{description}</div> : null}
      </div>
      {action}
    </div>
  );
}

export function Spin({ large }: { large?: boolean }) {
  return <span className={cx('o-spin', large && 'o-spin-lg')} role="progressbar" aria-busy />;
}

/** The whole page waiting for its first answer. */
export function PageSpin() {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', paddingTop: '30vh' }} data-testid="page-spin">
      <Spin large />
    </div>
  );
}

/** Grey bars where a list or a ticket will be. */
export function Skeleton({ rows = 4 }: { rows?: number }) {
  return (
    <div aria-busy className="o-skeleton">
      {Array.from({ length: rows }, (_, index) => (
        <div key={index} style={{ width: index === rows - 1 ? '60%' : '100%' }} />
      ))}
    </div>
  );
}

export function Empty({ description }: { description: ReactNode }) {
  return (
    <div className="o-empty" data-testid="list-empty">
      <svg width="64" height="41" viewBox="0 0 64 41" aria-hidden>
        <g fill="none" fillRule="evenodd" transform="translate(0 1)">
          <ellipse cx="32" cy="33" fill="#f5f5f5" rx="32" ry="7" />
          <path stroke="#d9d9d9" fill="#fafafa" d="M55 12.8 44.9 1.3C44.4.5 43.7 0 43 0H21c-.7 0-1.4.5-1.9 1.3L9 12.8V22h46v-9.2z" />
        </g>
      </svg>
      <div>{description}</div>
    </div>
  );
}

export function Avatar({ size, src, fallback }: { size: number; src?: string | null; fallback: ReactNode }) {
  return (
    <span className="o-avatar" style={{ width: size, height: size, fontSize: size / 2 }}>
      {src ? <img src={src} alt="" /> : fallback}
    </span>
  );
}

type RateProps = Testable & { value: number; onChange?: (value: number) => void; disabled?: boolean; labels?: string[]; size?: number; 'data-csat'?: number };

/** Five stars, each a button with its meaning as its name (非常满意 …); a list, like antd's Rate. */
export function Rate({ value, onChange, disabled, labels, size = 24, ...rest }: RateProps) {
  return (
    <ul className="o-rate" style={{ fontSize: size }} {...rest}>
      {[1, 2, 3, 4, 5].map((score) => (
        <li key={score}>
          <button
            type="button"
            disabled={disabled}
            aria-label={labels?.[score - 1] ?? String(score)}
            aria-pressed={value === score}
            className={score <= value ? 'o-star-on' : undefined}
            onClick={() => onChange?.(score)}
          >
            ★
          </button>
        </li>
      ))}
    </ul>
  );
}

/** A small red dot on the corner of what it wraps: something unread. */
export function Dot({ show, children }: { show: boolean; children: ReactNode }) {
  return (
    <span style={{ position: 'relative', display: 'inline-flex' }}>
      {children}
      {show ? <span className="o-dot" /> : null}
    </span>
  );
}

type Toast = { id: number; kind: 'success' | 'warning' | 'error'; text: string };
type Toaster = { success: (text: string) => void; warning: (text: string) => void; error: (text: string) => void };

const ToastContext = createContext<Toaster | null>(null);

/** Short notes at the top of the screen that go by themselves, like antd's message. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const show = useCallback((kind: Toast['kind'], text: string) => {
    const id = Date.now() + Math.random();
    setToasts((shown) => [...shown, { id, kind, text }]);
    setTimeout(() => setToasts((shown) => shown.filter((toast) => toast.id !== id)), 3000);
  }, []);
  const toaster = useMemo<Toaster>(
    () => ({ success: (text) => show('success', text), warning: (text) => show('warning', text), error: (text) => show('error', text) }),
    [show],
  );
  return (
    <ToastContext.Provider value={toaster}>
      {children}
      <div className="o-toasts" aria-live="polite">
        {toasts.map((toast) => (
          <div key={toast.id} className={`o-toast o-toast-${toast.kind}`} data-testid={`toast-${toast.kind}`}>
            {toast.text}
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): Toaster {
  const toaster = useContext(ToastContext);
  if (!toaster) throw new Error('useToast needs a ToastProvider above it');
  return toaster;
}
