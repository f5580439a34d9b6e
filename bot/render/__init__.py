"""Model -> output. Discord embeds and views (later) and terminal text; the only place that knows limits."""
