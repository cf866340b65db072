export * from './entities/pickup-point.entity.js';
export * from './entities/vehicle.entity.js';
export * from './entities/dispatch-plan.entity.js';
export * from './entities/trip.entity.js';
export * from './entities/trip-stop.entity.js';
export * from './entities/trip-rider.entity.js';
