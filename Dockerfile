# The panel and CLI, for `docker compose up`. Neo4j runs in its own container.
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY kb ./kb
COPY web ./web
COPY cypher ./cypher
COPY examples ./examples
RUN pip install --no-cache-dir -e .
EXPOSE 8000
CMD ["kb", "serve", "--host", "0.0.0.0", "--port", "8000"]
