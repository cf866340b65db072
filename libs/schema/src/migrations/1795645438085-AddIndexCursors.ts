import { MigrationInterface, QueryRunner } from "typeorm";

export class AddIndexCursors1795645438085 implements MigrationInterface {
    name = 'AddIndexCursors1795645438085'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "index_cursors" (
                "consumer" character varying(32) NOT NULL,
                "last_id" bigint NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_a323f4a1bd38985a7b3034792e0" PRIMARY KEY ("consumer")
            )
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP TABLE "index_cursors"
        `);
    }

}
