"""Personal data in calls: what is masked in transcripts, what is silenced in exported recordings, and who
may see a call unmasked. Below the features (calibration packs and bundles mask with it) and above storage."""
