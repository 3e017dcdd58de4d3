/**
 * What a hotline caller says to be found, read into the parts a search can use (issue 15 §2):
 * "11栋1单元301", "11-1-301", "11栋301", "1101", a phone number or its last four digits, a name
 * ("王先生" is 王), or a name's pinyin initials ("wjg"). One text can mean several things — "1101"
 * is a room or the last four digits of a phone — so every reading is returned and the search ranks
 * what each finds. Numbers are compared as the roster writes them (bare building and unit numbers,
 * see householdLabel).
 */
export type OwnerAddress = { building: string | null; unit: string | null; room: string };

export type OwnerQuery = {
  address: OwnerAddress | null;
  /** A whole mobile or landline number, digits only. */
  phone: string | null;
  /** Four digits: the end of a phone number. */
  phoneTail: string | null;
  /** Chinese name text, honorifics removed. */
  name: string | null;
  /** Pinyin initials, lower case. */
  initials: string | null;
};

const honorifics = /(先生|女士|小姐|阿姨|叔叔|老师|师傅|大爷|大妈|奶奶|爷爷|业主)$/;
const buildingWord = '(?:栋|幢|座|号楼|#|号)';
const addressPattern = new RegExp(`^([0-9a-z]+)${buildingWord}(?:([0-9]+)单元)?([0-9]+)(?:室|号)?$`);
const dashedPattern = /^([0-9a-z]+)[-/](?:([0-9]+)[-/])?([0-9]+)$/;

/** Drops the leading zeros a caller may add ("01单元"), keeping "0" itself. */
const bare = (part: string) => part.replace(/^0+(?=\d)/, '');

export function parseOwnerQuery(text: string): OwnerQuery {
  const query: OwnerQuery = { address: null, phone: null, phoneTail: null, name: null, initials: null };
  // NFKC turns full-width digits and letters (１１栋) into ASCII; spaces and dashes vary by keyboard.
  const compact = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/[－—–]/g, '-');
  if (!compact) return query;
  const digitsOnly = compact.replace(/[-()+]/g, '');
  if (/^\d{7,}$/.test(digitsOnly) && !/^\d+-\d+-\d+$/.test(compact)) {
    query.phone = digitsOnly.replace(/^86(?=1\d{10}$)/, '');
    return query;
  }
  const address = addressPattern.exec(compact) ?? dashedPattern.exec(compact);
  if (address) {
    const [, building, unit, room] = address;
    query.address = { building: bare(building!), unit: unit ? bare(unit) : null, room: room! };
    return query;
  }
  if (/^\d{3,4}$/.test(compact)) {
    query.address = { building: null, unit: null, room: compact };
    if (compact.length === 4) query.phoneTail = compact;
    return query;
  }
  if (/^[a-z]{1,6}$/.test(compact)) {
    query.initials = compact;
    return query;
  }
  const name = compact.replace(honorifics, '');
  query.name = name || compact;
  return query;
}
