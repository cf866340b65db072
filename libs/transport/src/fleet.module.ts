import { Module } from '@nestjs/common';
import { RegionsModule } from '@daogang/registry';
import { PickupPointsController } from './fleet/pickup-points.controller.js';
import { PickupPointsService } from './fleet/pickup-points.service.js';
import { VehicleMapper } from './fleet/vehicle.mapper.js';
import { VehiclesController } from './fleet/vehicles.controller.js';
import { VehiclesService } from './fleet/vehicles.service.js';
import { ManifestController } from './manifest/manifest.controller.js';
import { ManifestService } from './manifest/manifest.service.js';

const services = [PickupPointsService, VehiclesService, VehicleMapper, ManifestService];

/** Pickup points, chartered vehicles and trip manifests (HTTP edge, API app). */
@Module({
  imports: [RegionsModule],
  controllers: [PickupPointsController, VehiclesController, ManifestController],
  providers: services,
  exports: services,
})
export class FleetModule {}
