import { kindOfRecordNumber } from '../records/types';
import { readItsmPagePath, recordApiPath, recordPagePath } from './pagePath';

/** A config that holds `itsm.pagePath` when given (what the function reads of one). */
const config = (pagePath?: string) => ({
  getOptionalString: (key: string) =>
    key === 'itsm.pagePath' ? pagePath : undefined,
});

describe('readItsmPagePath', () => {
  it('is /itsm unless configured', () => {
    expect(readItsmPagePath(config())).toBe('/itsm');
    expect(readItsmPagePath(config('/service-desk/'))).toBe('/service-desk');
  });

  it.each(['itsm', 'https://portal.example/itsm', '/a//b', '/a b'])(
    'refuses %j, naming the key',
    pagePath => {
      expect(() => readItsmPagePath(config(pagePath))).toThrow(
        /itsm\.pagePath/,
      );
    },
  );
});

describe('recordPagePath', () => {
  it('is the page of the kind below the ITSM page', () => {
    expect(recordPagePath('incident', 'INC-000042')).toBe(
      '/itsm/incidents/INC-000042',
    );
    expect(recordPagePath('request', 'REQ-000001', '/service-desk')).toBe(
      '/service-desk/requests/REQ-000001',
    );
  });
});

describe('recordApiPath and kindOfRecordNumber', () => {
  it('find a record by its number', () => {
    expect(kindOfRecordNumber('chg-000003')).toBe('change');
    expect(kindOfRecordNumber('PRB-000001')).toBe('problem');
    expect(kindOfRecordNumber('INC000001')).toBeUndefined();
    expect(kindOfRecordNumber('X-1')).toBeUndefined();
    expect(recordApiPath('change', 'CHG-000003')).toBe('/changes/CHG-000003');
  });
});
