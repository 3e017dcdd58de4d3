import { Flex, Spin } from 'antd';

/** A whole screen waiting: a session being checked, or a page's code still arriving. */
export function PageSpin({ minHeight = '100vh' }: { minHeight?: string | number }) {
  return (
    <Flex align="center" justify="center" style={{ minHeight }}>
      <Spin size="large" />
    </Flex>
  );
}
