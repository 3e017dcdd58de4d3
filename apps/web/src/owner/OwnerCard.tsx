import type { CSSProperties, HTMLAttributes, ReactNode } from 'react';

type OwnerCardProps = Omit<HTMLAttributes<HTMLDivElement>, 'style'> & { padding?: CSSProperties['padding']; style?: CSSProperties; children: ReactNode };

/** A bordered white panel that looks like antd's Card (the owner pages carry no antd: see ./ui). */
export function OwnerCard({ padding = 24, style, children, ...rest }: OwnerCardProps) {
  return (
    <div {...rest} style={{ boxSizing: 'border-box', background: '#fff', border: '1px solid #f0f0f0', borderRadius: 8, padding, ...style }}>
      {children}
    </div>
  );
}
