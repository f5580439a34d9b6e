"""Where the bundled defaults live, wherever the package is installed or run from."""

from __future__ import annotations

from pathlib import Path


def _bundled_config_dir() -> Path:
    # A source checkout or editable install: config/ beside the bot package.
    beside = Path(__file__).resolve().parent.parent / "config"
    if (beside / "newsdesk.toml").is_file():
        return beside
    # A wheel install: the same folder shipped as the `newsdesk_config` package.
    try:
        import newsdesk_config

        return Path(newsdesk_config.__file__).resolve().parent
    except ImportError:  # pragma: no cover - broken install
        return beside


BUNDLED_CONFIG_DIR = _bundled_config_dir()
