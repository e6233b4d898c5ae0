#include "core/sharedstore/storemigrations.h"

// Schema history of the shared store (schema "genius"; one entry per migration):
//   1  group roles genius_data_manager and genius_staff, the version table, tenants,
//      memberships (login role → tenant and role), genius.current_tenant(), row-level security
//   2  collections, originals (per tenant by SHA-256), documents, assignments, chunks with page
//      anchors and German full text, embeddings per model; revisions and tombstones for sync
//   3  pages (text, word boxes, size, OCR) and the passages' offsets into the text, so a synced
//      copy of a document is complete: the source view highlights the cited lines offline
//   4  a withdrawn document's tombstone may drop its original (original_sha256 NULL), so that
//      withdrawing erases the file once no document of the tenant refers to it any more
//   5  deleting a row that is already a tombstone removes it for good (`store purge`)
//
// Security model, enforced by the server against any SQL a user types:
// - Every table holding tenant data has row-level security ENABLEd and FORCEd (so it applies to
//   the owner too). The owner, the administrator that ran `store init`, gets an explicit
//   "administrator" policy; tenant users are members of exactly one group role and match only
//   the policies of that role.
// - A row belongs to the tenant in its tenant_id. genius.current_tenant() is the tenant of
//   current_user, read from the caller's own membership row (the only one its policy shows).
//   It is SECURITY INVOKER on purpose: inside a SECURITY DEFINER function current_user would be
//   the owner. After SET ROLE to a group role current_user has no membership: nothing is visible.
// - Policies call it as (SELECT genius.current_tenant()), evaluated once per statement.
// - Staff have SELECT only, and see published, live collections and what hangs off them.
//   Data managers read and write their tenant's rows; WITH CHECK keeps writes in the tenant.
// - Foreign keys include tenant_id, so a reference to another tenant's id fails the same way
//   whether that id exists or not (no existence oracle through constraint errors).
// - Revisions: a BEFORE trigger takes the next value of the tenant's counter
//   (genius.tenants.revision) for every inserted or updated row; the counter's row lock
//   serialises a tenant's writers, so revisions commit in order and "everything after revision N"
//   misses nothing. A DELETE becomes an UPDATE to deleted = true (a tombstone with a new
//   revision), so the tenant's counter moves and clients learn that something changed; a sync
//   lists what is live, so `store purge` may later delete tombstones for good (migration 5).

namespace genius::sharedstore {

namespace {

const char* const kMigration1[] = {
    // Group roles are cluster-wide and may exist from another database of the same server; one
    // that can log in or carries elevated attributes is refused rather than used.
    R"(DO $$
DECLARE
    group_role text;
BEGIN
    FOREACH group_role IN ARRAY ARRAY['genius_data_manager', 'genius_staff'] LOOP
        IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = group_role) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', group_role);
        ELSIF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = group_role
                      AND (rolcanlogin OR rolsuper OR rolcreaterole OR rolcreatedb OR rolreplication OR rolbypassrls)) THEN
            RAISE EXCEPTION 'the role % exists with more rights than a group role of the store may have', group_role
                USING ERRCODE = 'object_not_in_prerequisite_state';
        END IF;
    END LOOP;
END $$)",
    R"(CREATE SCHEMA genius)",
    R"(REVOKE ALL ON SCHEMA genius FROM PUBLIC)",
    R"(GRANT USAGE ON SCHEMA genius TO genius_data_manager, genius_staff)",
    R"(ALTER DEFAULT PRIVILEGES IN SCHEMA genius REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC)",
    R"(CREATE TABLE genius.genius_schema (
    version integer PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now(),
    applied_by name NOT NULL DEFAULT current_user))",
    R"(CREATE TABLE genius.tenants (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL UNIQUE CHECK (btrim(name) <> '' AND length(name) <= 200),
    revision bigint NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now()))",
    R"(CREATE TABLE genius.memberships (
    member name PRIMARY KEY,
    tenant_id bigint NOT NULL REFERENCES genius.tenants (id),
    role text NOT NULL CHECK (role IN ('data-manager', 'staff')),
    granted_at timestamptz NOT NULL DEFAULT now()))",
    R"(CREATE FUNCTION genius.current_tenant() RETURNS bigint
    LANGUAGE sql STABLE SECURITY INVOKER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT m.tenant_id FROM genius.memberships m WHERE m.member = current_user $$)",
    // Data managers may advance their own tenant's counter (the revision trigger does), never
    // rewind it: a rewound counter would hide later changes from syncing clients.
    R"(CREATE FUNCTION genius.check_tenant_revision() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF NEW.revision <> OLD.revision AND NEW.revision <> OLD.revision + 1 THEN
        RAISE EXCEPTION 'a tenant''s revision only ever grows by one' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$)",
    R"(CREATE TRIGGER check_revision BEFORE UPDATE ON genius.tenants
    FOR EACH ROW EXECUTE FUNCTION genius.check_tenant_revision())",
    R"(ALTER TABLE genius.tenants ENABLE ROW LEVEL SECURITY)",
    R"(ALTER TABLE genius.tenants FORCE ROW LEVEL SECURITY)",
    R"(ALTER TABLE genius.memberships ENABLE ROW LEVEL SECURITY)",
    R"(ALTER TABLE genius.memberships FORCE ROW LEVEL SECURITY)",
    R"(DO $$
BEGIN
    EXECUTE format('CREATE POLICY administrator ON genius.tenants TO %I USING (true) WITH CHECK (true)', current_user);
    EXECUTE format('CREATE POLICY administrator ON genius.memberships TO %I USING (true) WITH CHECK (true)', current_user);
END $$)",
    R"(CREATE POLICY own_tenant ON genius.tenants FOR SELECT TO genius_data_manager, genius_staff
    USING (id = (SELECT genius.current_tenant())))",
    R"(CREATE POLICY own_revision ON genius.tenants FOR UPDATE TO genius_data_manager
    USING (id = (SELECT genius.current_tenant())) WITH CHECK (id = (SELECT genius.current_tenant())))",
    R"(CREATE POLICY own_membership ON genius.memberships FOR SELECT TO genius_data_manager, genius_staff
    USING (member = current_user))",
    R"(REVOKE ALL ON ALL TABLES IN SCHEMA genius FROM PUBLIC)",
    R"(REVOKE ALL ON ALL SEQUENCES IN SCHEMA genius FROM PUBLIC)",
    R"(REVOKE ALL ON ALL FUNCTIONS IN SCHEMA genius FROM PUBLIC)",
    R"(GRANT SELECT ON genius.genius_schema, genius.tenants, genius.memberships TO genius_data_manager, genius_staff)",
    R"(GRANT UPDATE (revision) ON genius.tenants TO genius_data_manager)",
    R"(GRANT EXECUTE ON FUNCTION genius.current_tenant() TO genius_data_manager, genius_staff)",
};

const char* const kMigration2[] = {
    // Runs with the writer's rights: the UPDATE sees only the writer's own tenant row, so a row
    // aimed at another tenant finds no counter and is refused before row-level security would.
    R"(CREATE FUNCTION genius.stamp_revision() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    next_revision bigint;
BEGIN
    UPDATE genius.tenants SET revision = revision + 1 WHERE id = NEW.tenant_id
        RETURNING revision INTO next_revision;
    IF next_revision IS NULL THEN
        RAISE EXCEPTION 'permission denied: the row belongs to another tenant' USING ERRCODE = 'insufficient_privilege';
    END IF;
    NEW.revision := next_revision;
    NEW.updated_at := now();
    RETURN NEW;
END $$)",
    R"(CREATE FUNCTION genius.keep_tombstone() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    EXECUTE format('UPDATE %I.%I SET deleted = true WHERE id = $1 AND NOT deleted', TG_TABLE_SCHEMA, TG_TABLE_NAME)
        USING OLD.id;
    RETURN NULL;
END $$)",
    R"(CREATE TABLE genius.collections (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id bigint NOT NULL REFERENCES genius.tenants (id),
    name text NOT NULL CHECK (btrim(name) <> ''),
    description text NOT NULL DEFAULT '',
    class text NOT NULL DEFAULT 'normal' CHECK (class IN ('none', 'normal', 'high', 'very-high')),
    published boolean NOT NULL DEFAULT false,
    revision bigint NOT NULL DEFAULT 0,
    deleted boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id)))",
    R"(CREATE UNIQUE INDEX collections_name ON genius.collections (tenant_id, name) WHERE NOT deleted)",
    // The original file once per tenant and content; the check keeps the key honest.
    R"(CREATE TABLE genius.originals (
    tenant_id bigint NOT NULL REFERENCES genius.tenants (id),
    sha256 text NOT NULL,
    size bigint NOT NULL,
    media_type text NOT NULL DEFAULT '',
    content bytea NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, sha256),
    CHECK (sha256 = encode(pg_catalog.sha256(content), 'hex')),
    CHECK (size = octet_length(content))))",
    R"(CREATE TABLE genius.documents (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id bigint NOT NULL REFERENCES genius.tenants (id),
    original_sha256 text NOT NULL,
    name text NOT NULL CHECK (btrim(name) <> ''),
    format text NOT NULL DEFAULT '',
    class text NOT NULL CHECK (class IN ('none', 'normal', 'high', 'very-high')),
    pages integer NOT NULL DEFAULT 0 CHECK (pages >= 0),
    metadata jsonb NOT NULL DEFAULT '{}',
    revision bigint NOT NULL DEFAULT 0,
    deleted boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, original_sha256) REFERENCES genius.originals (tenant_id, sha256)))",
    R"(CREATE TABLE genius.assignments (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id bigint NOT NULL,
    document_id bigint NOT NULL,
    collection_id bigint NOT NULL,
    revision bigint NOT NULL DEFAULT 0,
    deleted boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, document_id) REFERENCES genius.documents (tenant_id, id),
    FOREIGN KEY (tenant_id, collection_id) REFERENCES genius.collections (tenant_id, id)))",
    R"(CREATE UNIQUE INDEX assignments_pair ON genius.assignments (document_id, collection_id) WHERE NOT deleted)",
    R"(CREATE INDEX assignments_collection ON genius.assignments (collection_id))",
    // Page anchors: first and last page of the passage (0 for formats without pages).
    R"(CREATE TABLE genius.chunks (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id bigint NOT NULL,
    document_id bigint NOT NULL,
    ordinal integer NOT NULL CHECK (ordinal >= 0),
    first_page integer NOT NULL,
    last_page integer NOT NULL,
    heading text NOT NULL DEFAULT '',
    text text NOT NULL,
    search tsvector GENERATED ALWAYS AS (to_tsvector('german', heading || ' ' || text)) STORED,
    revision bigint NOT NULL DEFAULT 0,
    deleted boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK (first_page >= 0 AND last_page >= first_page),
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, document_id) REFERENCES genius.documents (tenant_id, id)))",
    R"(CREATE UNIQUE INDEX chunks_ordinal ON genius.chunks (document_id, ordinal) WHERE NOT deleted)",
    R"(CREATE INDEX chunks_search ON genius.chunks USING gin (search))",
    // Vectors as little-endian float32, like the profile's index.
    R"(CREATE TABLE genius.embeddings (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id bigint NOT NULL,
    chunk_id bigint NOT NULL,
    model text NOT NULL CHECK (btrim(model) <> ''),
    dimension integer NOT NULL CHECK (dimension > 0),
    vector bytea NOT NULL,
    revision bigint NOT NULL DEFAULT 0,
    deleted boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK (octet_length(vector) = 4 * dimension),
    FOREIGN KEY (tenant_id, chunk_id) REFERENCES genius.chunks (tenant_id, id)))",
    R"(CREATE UNIQUE INDEX embeddings_chunk_model ON genius.embeddings (chunk_id, model) WHERE NOT deleted)",
    R"(DO $$
DECLARE
    synced text;
BEGIN
    FOREACH synced IN ARRAY ARRAY['collections', 'documents', 'assignments', 'chunks', 'embeddings'] LOOP
        EXECUTE format('CREATE INDEX %I ON genius.%I (tenant_id, revision)', synced || '_revision', synced);
        EXECUTE format('CREATE TRIGGER stamp_revision BEFORE INSERT OR UPDATE ON genius.%I '
                       'FOR EACH ROW EXECUTE FUNCTION genius.stamp_revision()', synced);
        EXECUTE format('CREATE TRIGGER keep_tombstone BEFORE DELETE ON genius.%I '
                       'FOR EACH ROW EXECUTE FUNCTION genius.keep_tombstone()', synced);
    END LOOP;
    FOREACH synced IN ARRAY ARRAY['collections', 'originals', 'documents', 'assignments', 'chunks', 'embeddings'] LOOP
        EXECUTE format('ALTER TABLE genius.%I ENABLE ROW LEVEL SECURITY', synced);
        EXECUTE format('ALTER TABLE genius.%I FORCE ROW LEVEL SECURITY', synced);
        EXECUTE format('CREATE POLICY administrator ON genius.%I TO %I USING (true) WITH CHECK (true)',
                       synced, current_user);
        EXECUTE format('CREATE POLICY data_manager ON genius.%I TO genius_data_manager '
                       'USING (tenant_id = (SELECT genius.current_tenant())) '
                       'WITH CHECK (tenant_id = (SELECT genius.current_tenant()))', synced);
    END LOOP;
END $$)",
    // Staff: published, live collections; the subqueries see the other tables through their own
    // staff policies as well (documents → assignments → collections).
    R"(CREATE POLICY staff ON genius.collections FOR SELECT TO genius_staff
    USING (tenant_id = (SELECT genius.current_tenant()) AND published AND NOT deleted))",
    R"(CREATE POLICY staff ON genius.assignments FOR SELECT TO genius_staff
    USING (tenant_id = (SELECT genius.current_tenant()) AND NOT deleted
           AND EXISTS (SELECT 1 FROM genius.collections c
                       WHERE c.id = assignments.collection_id AND c.published AND NOT c.deleted)))",
    R"(CREATE POLICY staff ON genius.documents FOR SELECT TO genius_staff
    USING (tenant_id = (SELECT genius.current_tenant()) AND NOT deleted
           AND EXISTS (SELECT 1 FROM genius.assignments a WHERE a.document_id = documents.id AND NOT a.deleted)))",
    R"(CREATE POLICY staff ON genius.originals FOR SELECT TO genius_staff
    USING (tenant_id = (SELECT genius.current_tenant())
           AND EXISTS (SELECT 1 FROM genius.documents d
                       WHERE d.tenant_id = originals.tenant_id AND d.original_sha256 = originals.sha256)))",
    R"(CREATE POLICY staff ON genius.chunks FOR SELECT TO genius_staff
    USING (tenant_id = (SELECT genius.current_tenant()) AND NOT deleted
           AND EXISTS (SELECT 1 FROM genius.documents d WHERE d.id = chunks.document_id)))",
    R"(CREATE POLICY staff ON genius.embeddings FOR SELECT TO genius_staff
    USING (tenant_id = (SELECT genius.current_tenant()) AND NOT deleted
           AND EXISTS (SELECT 1 FROM genius.chunks c WHERE c.id = embeddings.chunk_id)))",
    R"(REVOKE ALL ON ALL TABLES IN SCHEMA genius FROM PUBLIC)",
    R"(REVOKE ALL ON ALL SEQUENCES IN SCHEMA genius FROM PUBLIC)",
    R"(REVOKE ALL ON ALL FUNCTIONS IN SCHEMA genius FROM PUBLIC)",
    R"(GRANT SELECT ON genius.collections, genius.originals, genius.documents, genius.assignments, genius.chunks,
    genius.embeddings TO genius_data_manager, genius_staff)",
    R"(GRANT INSERT, UPDATE, DELETE ON genius.collections, genius.originals, genius.documents, genius.assignments,
    genius.chunks, genius.embeddings TO genius_data_manager)",
    R"(GRANT EXECUTE ON FUNCTION genius.current_tenant() TO genius_data_manager, genius_staff)",
};

const char* const kMigration3[] = {
    R"(CREATE TABLE genius.pages (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id bigint NOT NULL,
    document_id bigint NOT NULL,
    number integer NOT NULL CHECK (number >= 0),
    text text NOT NULL,
    words bytea,
    width double precision NOT NULL DEFAULT 0,
    height double precision NOT NULL DEFAULT 0,
    ocr boolean NOT NULL DEFAULT false,
    confidence double precision NOT NULL DEFAULT -1,
    revision bigint NOT NULL DEFAULT 0,
    deleted boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, document_id) REFERENCES genius.documents (tenant_id, id)))",
    R"(CREATE UNIQUE INDEX pages_number ON genius.pages (document_id, number) WHERE NOT deleted)",
    R"(CREATE INDEX pages_revision ON genius.pages (tenant_id, revision))",
    R"(CREATE TRIGGER stamp_revision BEFORE INSERT OR UPDATE ON genius.pages
    FOR EACH ROW EXECUTE FUNCTION genius.stamp_revision())",
    R"(CREATE TRIGGER keep_tombstone BEFORE DELETE ON genius.pages
    FOR EACH ROW EXECUTE FUNCTION genius.keep_tombstone())",
    R"(ALTER TABLE genius.pages ENABLE ROW LEVEL SECURITY)",
    R"(ALTER TABLE genius.pages FORCE ROW LEVEL SECURITY)",
    R"(DO $$
BEGIN
    EXECUTE format('CREATE POLICY administrator ON genius.pages TO %I USING (true) WITH CHECK (true)', current_user);
END $$)",
    R"(CREATE POLICY data_manager ON genius.pages TO genius_data_manager
    USING (tenant_id = (SELECT genius.current_tenant()))
    WITH CHECK (tenant_id = (SELECT genius.current_tenant())))",
    R"(CREATE POLICY staff ON genius.pages FOR SELECT TO genius_staff
    USING (tenant_id = (SELECT genius.current_tenant()) AND NOT deleted
           AND EXISTS (SELECT 1 FROM genius.documents d WHERE d.id = pages.document_id)))",
    // Offsets of a passage in the document's text (its pages joined by form feeds).
    R"(ALTER TABLE genius.chunks ADD COLUMN start_offset integer NOT NULL DEFAULT 0,
    ADD COLUMN end_offset integer NOT NULL DEFAULT 0)",
    R"(REVOKE ALL ON genius.pages FROM PUBLIC)",
    R"(GRANT SELECT ON genius.pages TO genius_data_manager, genius_staff)",
    R"(GRANT INSERT, UPDATE, DELETE ON genius.pages TO genius_data_manager)",
};

// Live documents keep their original; only a tombstone lets go of it (the foreign key does not
// check a NULL), and the original can then be deleted for real: originals have no tombstones.
const char* const kMigration4[] = {
    R"(ALTER TABLE genius.documents ALTER COLUMN original_sha256 DROP NOT NULL)",
    R"(ALTER TABLE genius.documents ADD CONSTRAINT documents_live_original
    CHECK (deleted OR original_sha256 IS NOT NULL))",
};

// A DELETE of a live row still only marks it; a DELETE of a tombstone lets it go. Clients need
// no tombstones (a sync lists what is live), so purging them loses no change.
const char* const kMigration5[] = {
    R"(CREATE OR REPLACE FUNCTION genius.keep_tombstone() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF OLD.deleted THEN
        RETURN OLD;
    END IF;
    EXECUTE format('UPDATE %I.%I SET deleted = true WHERE id = $1 AND NOT deleted', TG_TABLE_SCHEMA, TG_TABLE_NAME)
        USING OLD.id;
    RETURN NULL;
END $$)",
};

const StoreMigration kMigrations[] = {
    { 1, kMigration1 },
    { 2, kMigration2 },
    { 3, kMigration3 },
    { 4, kMigration4 },
    { 5, kMigration5 },
};

} // namespace

std::span<const StoreMigration> storeMigrations()
{
    return kMigrations;
}

} // namespace genius::sharedstore
