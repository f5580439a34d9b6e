# Newsdesk: python -m bot run (the default) or any other command, e.g. `docker run --rm newsdesk demo`.
FROM python:3.11-slim
ENV PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
WORKDIR /app
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY cogs ./cogs
COPY config ./config
# Installed in place (-e): the code stays under /app, every subpackage of bot included.
RUN pip install -e ".[postgres]" \
    && useradd --create-home --uid 10001 newsdesk \
    && mkdir -p /data && chown newsdesk /data
USER newsdesk
# SQLite by default, on the volume; compose.yaml points the bot at PostgreSQL instead.
ENV NEWSDESK_DATABASE_URL=sqlite:////data/newsdesk.db
VOLUME ["/data"]
ENTRYPOINT ["python", "-m", "bot"]
CMD ["run"]
