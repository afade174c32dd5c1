"""Inspector: a quality-inspection workstation for recorded hotline calls."""

__version__ = "0.1.0"
