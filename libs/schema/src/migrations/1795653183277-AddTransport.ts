// Transport: pickup points, chartered vehicles, dispatch plans, trips with ordered stops and riders with seats.
import { MigrationInterface, QueryRunner } from "typeorm";

export class AddTransport1795653183277 implements MigrationInterface {
    name = 'AddTransport1795653183277'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "pickup_points" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "county_code" character(6) NOT NULL,
                "township" character varying(64) NOT NULL DEFAULT '',
                "name" character varying(64) NOT NULL,
                "kind" character varying(16) NOT NULL,
                "lng" double precision NOT NULL,
                "lat" double precision NOT NULL,
                "address" character varying(200) NOT NULL DEFAULT '',
                "active" boolean NOT NULL DEFAULT true,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "pickup_points_kind_check" CHECK (
                    kind IN (
                        'county_station',
                        'township_point',
                        'railway_station'
                    )
                ),
                CONSTRAINT "PK_8fe939caf756e30da9a5b5d7317" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "pickup_points_county_idx" ON "pickup_points" ("county_code", "township")
        `);
        await queryRunner.query(`
            CREATE TABLE "vehicles" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "kind" character varying(16) NOT NULL,
                "seats" smallint NOT NULL,
                "operator" character varying(64) NOT NULL,
                "plate_or_train_no" character varying(32) NOT NULL,
                "driver_name" character varying(32) NOT NULL DEFAULT '',
                "driver_mobile_encrypted" text,
                "driver_mobile_masked" character varying(11),
                "cost_per_km_fen" integer NOT NULL DEFAULT '0',
                "active" boolean NOT NULL DEFAULT true,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "vehicles_seats_check" CHECK (
                    seats BETWEEN 1 AND 3000
                ),
                CONSTRAINT "vehicles_kind_check" CHECK (kind IN ('bus', 'train_car', 'special_train')),
                CONSTRAINT "PK_18d8646b59304dce4af3a9e35b6" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "dispatch_plans" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "status" character varying(12) NOT NULL,
                "start_from" date NOT NULL,
                "start_to" date NOT NULL,
                "options" jsonb NOT NULL,
                "progress" smallint NOT NULL DEFAULT '0',
                "summary" jsonb,
                "error" character varying(300) NOT NULL DEFAULT '',
                "created_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "dispatch_plans_status_check" CHECK (
                    status IN ('queued', 'planning', 'draft', 'confirmed', 'failed')
                ),
                CONSTRAINT "PK_5f6479cc37fe97c05639d752246" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "trips" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "plan_id" uuid,
                "code" character varying(40) NOT NULL,
                "status" character varying(12) NOT NULL,
                "locked" boolean NOT NULL DEFAULT false,
                "vehicle_kind" character varying(16) NOT NULL,
                "seats" smallint NOT NULL,
                "vehicle_id" uuid,
                "employer_id" uuid NOT NULL,
                "destination_name" character varying(120) NOT NULL,
                "destination_county_code" character(6) NOT NULL,
                "destination_lng" double precision NOT NULL,
                "destination_lat" double precision NOT NULL,
                "start_date" date NOT NULL,
                "departure_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "arrival_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "km" double precision NOT NULL,
                "coordinator_id" uuid,
                "confirmed_at" TIMESTAMP WITH TIME ZONE,
                "departed_at" TIMESTAMP WITH TIME ZONE,
                "arrived_at" TIMESTAMP WITH TIME ZONE,
                "cancel_reason" character varying(200) NOT NULL DEFAULT '',
                "version" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "trips_seats_check" CHECK (
                    seats BETWEEN 1 AND 3000
                ),
                CONSTRAINT "trips_status_check" CHECK (
                    status IN (
                        'planned',
                        'confirmed',
                        'boarding',
                        'departed',
                        'arrived',
                        'closed',
                        'cancelled'
                    )
                ),
                CONSTRAINT "PK_f71c231dee9c05a9522f9e840f5" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "trips_status_departure_idx" ON "trips" ("status", "departure_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "trips_plan_idx" ON "trips" ("plan_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "trip_stops" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "trip_id" uuid NOT NULL,
                "seq" smallint NOT NULL,
                "kind" character varying(12) NOT NULL,
                "pickup_point_id" uuid,
                "name" character varying(120) NOT NULL,
                "lng" double precision NOT NULL,
                "lat" double precision NOT NULL,
                "eta" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "trip_stops_kind_check" CHECK (kind IN ('pickup', 'destination')),
                CONSTRAINT "PK_876633f878970267cb0dc525984" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "trip_stops_order_idx" ON "trip_stops" ("trip_id", "seq")
        `);
        await queryRunner.query(`
            CREATE TABLE "trip_riders" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "trip_id" uuid NOT NULL,
                "application_id" uuid NOT NULL,
                "worker_id" uuid NOT NULL,
                "pickup_stop_id" uuid NOT NULL,
                "seat" smallint NOT NULL,
                "status" character varying(10) NOT NULL DEFAULT 'assigned',
                "boarded_at" TIMESTAMP WITH TIME ZONE,
                "arrived_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "trip_riders_status_check" CHECK (
                    status IN ('assigned', 'boarded', 'no_show', 'arrived')
                ),
                CONSTRAINT "PK_fff4f5edb4e9f449ddaa3b0eec7" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "trip_riders_worker_idx" ON "trip_riders" ("worker_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "trip_riders_seat_idx" ON "trip_riders" ("trip_id", "seat")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "trip_riders_application_idx" ON "trip_riders" ("application_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "trips"
            ADD CONSTRAINT "FK_f706f993a6b289ccfaab7c08676" FOREIGN KEY ("plan_id") REFERENCES "dispatch_plans"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "trips"
            ADD CONSTRAINT "FK_ab4b806373c2ee43946679d572e" FOREIGN KEY ("vehicle_id") REFERENCES "vehicles"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "trip_stops"
            ADD CONSTRAINT "FK_5cb5ec6432abdf6f1e1c3a0970c" FOREIGN KEY ("trip_id") REFERENCES "trips"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "trip_stops"
            ADD CONSTRAINT "FK_f30b62aa3406771b8669abe43ec" FOREIGN KEY ("pickup_point_id") REFERENCES "pickup_points"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "trip_riders"
            ADD CONSTRAINT "FK_ca3059c3315c1dbdbf20ad6afdf" FOREIGN KEY ("trip_id") REFERENCES "trips"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "trip_riders"
            ADD CONSTRAINT "FK_bd1feab55b2735510e7616aaa9c" FOREIGN KEY ("pickup_stop_id") REFERENCES "trip_stops"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "trip_riders" DROP CONSTRAINT "FK_bd1feab55b2735510e7616aaa9c"
        `);
        await queryRunner.query(`
            ALTER TABLE "trip_riders" DROP CONSTRAINT "FK_ca3059c3315c1dbdbf20ad6afdf"
        `);
        await queryRunner.query(`
            ALTER TABLE "trip_stops" DROP CONSTRAINT "FK_f30b62aa3406771b8669abe43ec"
        `);
        await queryRunner.query(`
            ALTER TABLE "trip_stops" DROP CONSTRAINT "FK_5cb5ec6432abdf6f1e1c3a0970c"
        `);
        await queryRunner.query(`
            ALTER TABLE "trips" DROP CONSTRAINT "FK_ab4b806373c2ee43946679d572e"
        `);
        await queryRunner.query(`
            ALTER TABLE "trips" DROP CONSTRAINT "FK_f706f993a6b289ccfaab7c08676"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."trip_riders_application_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."trip_riders_seat_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."trip_riders_worker_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "trip_riders"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."trip_stops_order_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "trip_stops"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."trips_plan_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."trips_status_departure_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "trips"
        `);
        await queryRunner.query(`
            DROP TABLE "dispatch_plans"
        `);
        await queryRunner.query(`
            DROP TABLE "vehicles"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."pickup_points_county_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "pickup_points"
        `);
    }

}
