import { MigrationInterface, QueryRunner } from "typeorm";

export class InitAccounts1795641880076 implements MigrationInterface {
    name = 'InitAccounts1795641880076'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "users" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "role" character varying(16) NOT NULL,
                "username" character varying(64),
                "mobile_hash" character varying(64),
                "mobile_encrypted" text,
                "display_name" character varying(64) NOT NULL,
                "password_hash" text NOT NULL,
                "employer_id" uuid,
                "status" character varying(16) NOT NULL DEFAULT 'active',
                "last_login_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "users_status_check" CHECK (status IN ('active', 'disabled')),
                CONSTRAINT "users_role_check" CHECK (
                    role IN (
                        'worker',
                        'employer',
                        'broker',
                        'coordinator',
                        'officer',
                        'admin'
                    )
                ),
                CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_f3eace542211eff6615e0e881c" ON "users" ("username")
            WHERE username IS NOT NULL
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_701419b3995dc0332396c4b8e9" ON "users" ("mobile_hash")
            WHERE mobile_hash IS NOT NULL
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_7ccdd9dad36fd0b1ea94c4979a" ON "users" ("employer_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "refresh_tokens" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "family_id" uuid NOT NULL,
                "secret_hash" character varying(64) NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_7d8bee0204106019488c4c50ffa" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_3ddc983c5f7bcf132fd8732c3f" ON "refresh_tokens" ("user_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_d5e27da0cd39bc3bb2811fc8ba" ON "refresh_tokens" ("family_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_ba3bd69c8ad1e799c0256e9e50" ON "refresh_tokens" ("expires_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "user_counties" (
                "user_id" uuid NOT NULL,
                "county_code" character(6) NOT NULL,
                CONSTRAINT "PK_5b013ce9fd53f678841307efae5" PRIMARY KEY ("user_id", "county_code")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_a198760ae7beeda781a62d4beb" ON "user_counties" ("county_code")
        `);
        await queryRunner.query(`
            CREATE TABLE "employers" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" character varying(128) NOT NULL,
                "credit_code" character varying(18),
                "county_code" character(6),
                "address" character varying(256),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_49742b165cab43af0c3438e710b" UNIQUE ("credit_code"),
                CONSTRAINT "PK_f2c1aea3e8d7aa3c5fba949c97d" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "users"
            ADD CONSTRAINT "FK_7ccdd9dad36fd0b1ea94c4979af" FOREIGN KEY ("employer_id") REFERENCES "employers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "refresh_tokens"
            ADD CONSTRAINT "FK_3ddc983c5f7bcf132fd8732c3f4" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "user_counties"
            ADD CONSTRAINT "FK_236f4ebfa9c0c7cb6906b0c1279" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "user_counties" DROP CONSTRAINT "FK_236f4ebfa9c0c7cb6906b0c1279"
        `);
        await queryRunner.query(`
            ALTER TABLE "refresh_tokens" DROP CONSTRAINT "FK_3ddc983c5f7bcf132fd8732c3f4"
        `);
        await queryRunner.query(`
            ALTER TABLE "users" DROP CONSTRAINT "FK_7ccdd9dad36fd0b1ea94c4979af"
        `);
        await queryRunner.query(`
            DROP TABLE "employers"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_a198760ae7beeda781a62d4beb"
        `);
        await queryRunner.query(`
            DROP TABLE "user_counties"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_ba3bd69c8ad1e799c0256e9e50"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_d5e27da0cd39bc3bb2811fc8ba"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_3ddc983c5f7bcf132fd8732c3f"
        `);
        await queryRunner.query(`
            DROP TABLE "refresh_tokens"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_7ccdd9dad36fd0b1ea94c4979a"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_701419b3995dc0332396c4b8e9"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_f3eace542211eff6615e0e881c"
        `);
        await queryRunner.query(`
            DROP TABLE "users"
        `);
    }

}
