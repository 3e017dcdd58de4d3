import { message, theme } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import { createContext, useContext, type ReactNode } from 'react';

const MessageContext = createContext<MessageInstance | null>(null);

/**
 * Toasts that follow the theme and locale, which antd's `App` also gives, but `App` brings Modal
 * and notification with it (a tenth of an owner page's download) and this app only ever toasts.
 * The wrapper gives plain text antd's font, as `App` did.
 */
export function MessageProvider({ children }: { children: ReactNode }) {
  const { token } = theme.useToken();
  const [messageApi, contextHolder] = message.useMessage();
  return (
    <MessageContext.Provider value={messageApi}>
      <div style={{ color: token.colorText, fontSize: token.fontSize, lineHeight: token.lineHeight, fontFamily: token.fontFamily }}>
        {contextHolder}
        {children}
      </div>
    </MessageContext.Provider>
  );
}

export function useMessage(): MessageInstance {
  const messageApi = useContext(MessageContext);
  if (!messageApi) throw new Error('useMessage needs a MessageProvider above it');
  return messageApi;
}
