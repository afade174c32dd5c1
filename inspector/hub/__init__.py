"""The headquarters receiver: takes uploads and bundles from provincial centres, exactly once each."""
