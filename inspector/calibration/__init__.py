"""Calibration sessions: several inspectors score the same calls blind; the lead compares and records a benchmark."""
