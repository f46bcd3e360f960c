"""The renderer's exceptions. Bad plans and settings raise planner.PlanError (a ValueError)."""


class RenderError(RuntimeError):
    """Rendering failed for a reason other than bad input (model loading, device, runtime)."""


class ModelUnavailableError(RenderError):
    """The requested model cannot run here (no CUDA device for real weights, or not found offline)."""
