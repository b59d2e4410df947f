"""acumap: a desktop acupressure body-map viewer."""

__version__ = "0.1.0"
