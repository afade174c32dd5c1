"""The Qt user interface: thin widgets that observe core models and call the core."""
