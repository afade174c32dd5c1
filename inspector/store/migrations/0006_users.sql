-- local users (inspectors and team leads) with scrypt-hashed passwords
CREATE TABLE users (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    role       TEXT NOT NULL CHECK (role IN ('inspector', 'lead')),
    salt       BLOB NOT NULL,
    pw_hash    BLOB NOT NULL,
    created_at TEXT NOT NULL
);
