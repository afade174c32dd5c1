"""Plain types every layer may use: no I/O, no logic beyond what the type itself means."""
