from .version_requirements import is_installed

has_mpl = is_installed("matplotlib", ">=3.0.3")
