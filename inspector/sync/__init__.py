"""Getting submitted evaluations to headquarters: outbox, signed bundles, HTTP upload with retries."""
