"""The renderer's exceptions. Bad input raises a planner.errors.InputError subclass instead (exit 2)."""


class RenderError(RuntimeError):
    """Rendering failed for a reason other than bad input (model loading, device, runtime)."""


class ModelUnavailableError(RenderError):
    """The requested model cannot run here (no CUDA device for real weights, or not found offline)."""
