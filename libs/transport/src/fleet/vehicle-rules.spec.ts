import { normalisePlateOrTrainNo, PLATE_MESSAGE, plateOrTrainNoProblem, seatsProblem, TRAIN_MESSAGE } from './vehicle-rules.js';

describe('seats by kind', () => {
  it.each([
    ['bus', 53, true], ['bus', 45, true], ['bus', 33, true], ['bus', 10, true], ['bus', 70, true], ['bus', 9, false], ['bus', 71, false], ['bus', 118, false],
    ['train_car', 118, true], ['train_car', 150, true], ['train_car', 151, false],
    ['special_train', 1200, true], ['special_train', 3000, true], ['special_train', 3001, false],
  ] as const)('%s with %i seats: %s', (kind, seats, ok) => {
    expect(seatsProblem(kind, seats) === undefined).toBe(ok);
  });
});

describe('plate or train number', () => {
  it.each([
    ['甘N·12345', '甘N·12345'], ['甘N12345', '甘N·12345'], [' 甘n a2351 ', '甘N·A2351'], ['鄂Q-51876', '鄂Q·51876'], ['渝F.D12345', '渝F·D12345'],
    ['ｋ１２３４', 'K1234'], ['y501', 'Y501'], ['专列', '专列'], ['K1156  08车', 'K1156 08车'],
  ])('%s is written %s', (input, written) => {
    expect(normalisePlateOrTrainNo(input)).toBe(written);
  });

  it.each(['甘N·12345', '甘NA2351'.replace('NA', 'N·A'), '鄂Q·D12345', '川A·12345'])('accepts the bus plate %s', (plate) => {
    expect(plateOrTrainNoProblem('bus', normalisePlateOrTrainNo(plate))).toBeUndefined();
  });

  it.each(['ABC', '甘N·123', '美A·12345', '甘I·12345', '甘N·12345678', '<script>', 'K1234'])('refuses the bus plate %s', (plate) => {
    expect(plateOrTrainNoProblem('bus', normalisePlateOrTrainNo(plate))).toBe(PLATE_MESSAGE);
  });

  it.each(['K1234', 'Y501', 'Z236', '1461', '专列', '专列 Y501', 'K1156次', 'K1156 08车', 'K1156 5号车厢', 'G1234'])('accepts the train number %s', (no) => {
    expect(plateOrTrainNoProblem('train_car', normalisePlateOrTrainNo(no))).toBeUndefined();
    expect(plateOrTrainNoProblem('special_train', normalisePlateOrTrainNo(no))).toBeUndefined();
  });

  it.each(['甘N·12345', 'hello', 'K12345', 'X1234', '12', '专列专列'])('refuses the train number %s', (no) => {
    expect(plateOrTrainNoProblem('train_car', normalisePlateOrTrainNo(no))).toBe(TRAIN_MESSAGE);
  });
});
