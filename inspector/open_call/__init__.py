"""The open call as the desktop shows it: its recording, transcript, hits and decisions, and the playhead, in
one observable state the panes follow (Qt-free, so it is tested without a display)."""
