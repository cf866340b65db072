import { Injectable } from '@nestjs/common';
import { AuthUser, PiiCipher, Role } from '@daogang/platform';
import type { Vehicle } from '../entities/vehicle.entity.js';
import type { VehicleDto } from './dto/vehicle.dto.js';
import { VEHICLE_KIND_ZH } from './fleet-names.js';

/**
 * The one mapper of a vehicle to the outside. The driver's mobile is stored encrypted beside its masked form;
 * coordinators and admins (who phone drivers) get it in full, everyone else (an employer or broker reading a
 * manifest) the masked form, which needs no decryption.
 */
@Injectable()
export class VehicleMapper {
  constructor(private readonly pii: PiiCipher) {}

  maySeeDriverMobile(user: AuthUser): boolean {
    return user.role === Role.Coordinator || user.role === Role.Admin;
  }

  toDto(user: AuthUser, v: Vehicle): VehicleDto {
    const unmasked = this.maySeeDriverMobile(user) && !!v.driverMobileEncrypted;
    const driverMobile = unmasked ? this.pii.decrypt(v.driverMobileEncrypted!) : v.driverMobileMasked;
    return {
      id: v.id,
      kind: v.kind,
      kindName: VEHICLE_KIND_ZH[v.kind],
      seats: v.seats,
      operator: v.operator,
      plateOrTrainNo: v.plateOrTrainNo,
      driverName: v.driverName,
      ...(driverMobile ? { driverMobile } : {}),
      unmasked,
      costPerKmFen: v.costPerKmFen,
      active: v.active,
      updatedAt: v.updatedAt.toISOString(),
    };
  }
}
