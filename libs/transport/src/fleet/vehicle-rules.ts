import type { VehicleKind } from '../entities/vehicle.entity.js';

/**
 * What a chartered vehicle may look like: seats by kind, and a plate or train number that reads as one.
 * Loose on purpose (an operator's paperwork varies), strict enough to refuse garbage.
 */

/** Seats a vehicle of each kind may have: a charter bus 10–70 (33, 45 and 53 are the usual), a car up to 150, a train up to 3000. */
export const SEAT_RANGES: Record<VehicleKind, { min: number; max: number; message: string }> = {
  bus: { min: 10, max: 70, message: '大巴座位数应为10–70座（常见33、45、53座）' },
  train_car: { min: 1, max: 150, message: '火车车厢座位数应为1–150座' },
  special_train: { min: 1, max: 3000, message: '专列座位数应为1–3000座' },
};

/** The usual charter bus sizes, largest first: what the planner fills. */
export const BUS_SEATS = [53, 45, 33] as const;

export function seatsProblem(kind: VehicleKind, seats: number): string | undefined {
  const range = SEAT_RANGES[kind];
  return seats >= range.min && seats <= range.max ? undefined : range.message;
}

/** Province abbreviations that start a mainland plate. */
const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
/** 甘N·12345, 甘NA2351, 鄂Q·D12345 (new energy, six): letters never I or O. */
const PLATE = new RegExp(`^[${PROVINCES}][A-HJ-NP-Z]·[A-HJ-NP-Z0-9]{5,6}$`);
/** K1234, Y501, Z236, 1461, 专列, 专列Y501, K1156次 08车, K1156 5号车厢. */
const TRAIN = /^(专列 ?)?([GDCZTKYLSP]\d{1,4}|\d{4})次?( ?\d{1,2}号?车厢?)?$|^专列$/;

export const PLATE_MESSAGE = '车牌号格式不正确，例如 甘N·12345';
export const TRAIN_MESSAGE = '车次格式不正确，例如 K1234、Y501、专列 或 K1156 08车';

/** Full-width to half-width, upper case, single spaces; plates written `甘N·12345` whatever separator was typed. */
export function normalisePlateOrTrainNo(input: string): string {
  const half = input
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .trim()
    .replace(/\s+/g, ' ')
    .toUpperCase();
  const plate = half.match(new RegExp(`^([${PROVINCES}])\\s?([A-Z])\\s?[·•・.\\-]?\\s?([A-Z0-9]{5,6})$`));
  return plate ? `${plate[1]}${plate[2]}·${plate[3]}` : half;
}

/** Undefined when the (normalised) number suits the kind; else the message for the field. */
export function plateOrTrainNoProblem(kind: VehicleKind, value: string): string | undefined {
  if (kind === 'bus') return PLATE.test(value) ? undefined : PLATE_MESSAGE;
  return TRAIN.test(value) ? undefined : TRAIN_MESSAGE;
}
