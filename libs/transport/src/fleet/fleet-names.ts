import type { PickupPointKind } from '../entities/pickup-point.entity.js';
import type { VehicleKind } from '../entities/vehicle.entity.js';

export const PICKUP_POINT_KIND_ZH: Record<PickupPointKind, string> = {
  county_station: '县汽车站',
  township_point: '乡镇上车点',
  railway_station: '火车站',
};

export const VEHICLE_KIND_ZH: Record<VehicleKind, string> = {
  bus: '大巴',
  train_car: '火车车厢',
  special_train: '专列',
};
