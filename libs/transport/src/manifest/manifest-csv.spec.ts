import { beijingMinute, contentDisposition, csvLine, MANIFEST_CSV_HEADER, manifestCsv, manifestFileName } from './manifest-csv.js';
import type { ManifestDto } from './dto/manifest.dto.js';

describe('manifest CSV', () => {
  it('starts with a BOM and the Chinese header, one CRLF line per rider', () => {
    const manifest = {
      code: '20270228-厦门-03',
      riders: [{
        seat: 1, workerId: 'w', name: '马小军', idNumber: '622925********1234', mobile: '139****0001', pickupStopName: '和政县汽车站',
        pickupEta: '2027-02-26T00:30:00.000Z', emergencyContactName: '马建华', emergencyContactMobile: '139****0002', status: 'assigned', statusName: '已分配座位',
      }],
    } as unknown as ManifestDto;
    const text = manifestCsv(manifest).toString('utf8');
    expect(text.startsWith('\uFEFF座位号,姓名,身份证号（脱敏）,手机号,上车点,预计上车时间,紧急联系人,紧急联系人电话,状态\r\n')).toBe(true);
    expect(text.split('\r\n')[1]).toBe('1,马小军,622925********1234,139****0001,和政县汽车站,2027-02-26 08:30,马建华,139****0002,已分配座位');
    expect(MANIFEST_CSV_HEADER).toHaveLength(9);
  });

  it('quotes commas and quotes, and neutralises formulas', () => {
    expect(csvLine(['a,b', 'say "hi"', '=1+1', 7])).toBe('"a,b","say ""hi""",\'=1+1,7\r\n');
  });

  it('prints Beijing time', () => {
    expect(beijingMinute('2027-02-26T16:05:00Z')).toBe('2027-02-27 00:05');
  });

  it('names the file and encodes it per RFC 5987', () => {
    expect(manifestFileName('20270228-厦门-03')).toBe('乘车名单-20270228-厦门-03.csv');
    expect(manifestFileName('a/b:c')).toBe('乘车名单-a_b_c.csv');
    const header = contentDisposition("名单(1)'*.csv", 'manifest-1.csv');
    expect(header).toBe(`attachment; filename="manifest-1.csv"; filename*=UTF-8''%E5%90%8D%E5%8D%95%281%29%27%2A.csv`);
  });
});
