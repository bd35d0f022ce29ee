#pragma once
// The bank's schema, as a list of forward-only migrations. The database's
// user_version is the number of migrations applied; each runs in its own transaction.

#include "store/db.h"

namespace rehearse {

// The schema version this build writes.
int LatestSchemaVersion();

// The schema version of `db` (0 for a new file).
Result<int> SchemaVersion(const Db& db);

// Applies the migrations after the database's version, up to `target`. Fails, and
// changes nothing, when the database is newer than this build knows.
Status Migrate(const Db& db, int target);

}  // namespace rehearse
