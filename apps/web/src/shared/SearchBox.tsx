import { SearchOutlined } from '@ant-design/icons';
import { Input } from 'antd';

type SearchBoxProps = { value: string; onChange: (value: string) => void; placeholder: string; width?: number };

/**
 * Lists search as you type (debounced by the caller), so there is no search button; the test id
 * sits on the <input> itself so that tests can type into it.
 */
export function SearchBox({ value, onChange, placeholder, width = 220 }: SearchBoxProps) {
  return (
    <Input
      allowClear
      prefix={<SearchOutlined style={{ color: 'rgba(0,0,0,.35)' }} />}
      placeholder={placeholder}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      style={{ width }}
      data-testid="search-box"
      type="search"
    />
  );
}
