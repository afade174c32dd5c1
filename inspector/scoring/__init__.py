"""Scorecards: sections, items and points that rule hits and inspectors' decisions feed."""
