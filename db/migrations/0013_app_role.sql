-- The application's runtime role (issue 18, point 2; src/platform/db/app-role.ts): it owns no
-- table, reads and writes the app's tables, and may not UPDATE, DELETE or TRUNCATE the audit log
-- (the trigger of 0001 stays as the second guard). Roles belong to the whole server: made once,
-- and skipped with a notice where the login user may not make roles (the app then runs as the
-- login user and warns at start).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tyopeili_app') THEN
    BEGIN
      CREATE ROLE tyopeili_app NOLOGIN;
    EXCEPTION WHEN insufficient_privilege OR duplicate_object THEN
      RAISE NOTICE 'role tyopeili_app not created: %', SQLERRM;
    END;
  END IF;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tyopeili_app') THEN
    IF NOT pg_has_role(current_user, 'tyopeili_app', 'MEMBER') THEN
      BEGIN
        EXECUTE format('GRANT tyopeili_app TO %I', current_user);
      EXCEPTION WHEN insufficient_privilege THEN
        RAISE NOTICE 'cannot act as tyopeili_app: %', SQLERRM;
      END;
    END IF;
    GRANT USAGE ON SCHEMA public TO tyopeili_app;
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO tyopeili_app;
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO tyopeili_app;
    -- Tables of later migrations (made by the same login user) are granted by themselves.
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO tyopeili_app;
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO tyopeili_app;
    -- /readyz and the backup read which migrations are applied.
    GRANT USAGE ON SCHEMA drizzle TO tyopeili_app;
    GRANT SELECT ON ALL TABLES IN SCHEMA drizzle TO tyopeili_app;
    REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM tyopeili_app;
  END IF;
END
$$;
