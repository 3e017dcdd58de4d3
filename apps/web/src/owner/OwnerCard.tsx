import { theme } from 'antd';
import type { CSSProperties, HTMLAttributes, ReactNode } from 'react';

type OwnerCardProps = Omit<HTMLAttributes<HTMLDivElement>, 'style'> & { padding?: CSSProperties['padding']; style?: CSSProperties; children: ReactNode };

/**
 * A bordered white panel that looks like antd's Card. Card imports Tabs, Menu and Dropdown for
 * features these pages never use, about a third of a phone's download; owner pages use this.
 */
export function OwnerCard({ padding = 24, style, children, ...rest }: OwnerCardProps) {
  const { token } = theme.useToken();
  return (
    <div
      {...rest}
      style={{
        boxSizing: 'border-box',
        background: token.colorBgContainer,
        border: `${token.lineWidth}px ${token.lineType} ${token.colorBorderSecondary}`,
        borderRadius: token.borderRadiusLG,
        padding,
        ...style,
      }}
    >
      {children}
    </div>
  );
}
