import type { MigrationInterface, QueryRunner } from 'typeorm';

const REFUSE = `RAISE EXCEPTION 'app.audit_log is append-only' USING ERRCODE = 'insufficient_privilege';`;

/**
 * Erasure pseudonymises the audit log: the one change an entry may undergo is
 * its actor (and a user target) replaced by the erasure's pseudonym, through
 * `app.audit_pseudonymise`, which runs as the owner (the runtime role holds no
 * UPDATE on the table) and lets the trigger pass only rows whose every other
 * column stays as it was.
 */
export class AuditPseudonymise1796600002000 implements MigrationInterface {
  name = 'AuditPseudonymise1796600002000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION "app"."audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP = 'UPDATE' AND current_setting('parley.audit_pseudonymise', true) = 'on'
            AND NEW.id = OLD.id AND NEW.actor_type = OLD.actor_type AND NEW.action = OLD.action
            AND NEW.target_type = OLD.target_type AND NEW.at = OLD.at
            AND NEW.before IS NOT DISTINCT FROM OLD.before AND NEW.after IS NOT DISTINCT FROM OLD.after
         THEN
           RETURN NEW;
         END IF;
         ${REFUSE}
       END $$`,
    );
    await queryRunner.query(
      `CREATE FUNCTION "app"."audit_pseudonymise"(subject uuid, pseudonym uuid) RETURNS integer
       LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, app AS $$
       DECLARE
         n integer;
       BEGIN
         PERFORM set_config('parley.audit_pseudonymise', 'on', true);
         UPDATE app.audit_log
            SET actor_id = CASE WHEN actor_id = subject THEN pseudonym ELSE actor_id END,
                target_id = CASE WHEN target_type = 'user' AND target_id = subject::text
                                 THEN pseudonym::text ELSE target_id END
          WHERE actor_id = subject OR (target_type = 'user' AND target_id = subject::text);
         GET DIAGNOSTICS n = ROW_COUNT;
         PERFORM set_config('parley.audit_pseudonymise', 'off', true);
         RETURN n;
       END $$`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION "app"."audit_pseudonymise"(uuid, uuid)`);
    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION "app"."audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         ${REFUSE}
       END $$`,
    );
  }
}
