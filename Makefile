# kardes — two commands set everything up: `make site` and `make test`.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site test deps build release install check-html clean bench
PREFIX ?= /usr/local

# The system libraries kardes needs, installed when missing: libcmark-dev (Markdown), libxxhash-dev (digests of the
# written files) and, on Linux, libmimalloc-dev (the executable's memory allocator); see docs/performance.md.
deps:
	@missing=""; \
	pkg-config --exists libcmark 2>/dev/null || missing="$$missing libcmark-dev"; \
	pkg-config --exists libxxhash 2>/dev/null || missing="$$missing libxxhash-dev"; \
	[ "$$(uname)" != Linux ] || [ -e /usr/include/mimalloc.h ] || missing="$$missing libmimalloc-dev"; \
	if [ -n "$$missing" ]; then \
		echo "Installing$$missing…"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

release: deps
	$(SWIFT) build -c release --product kardes

# Builds the demo directory in content/ into public/.
site: release
	$$($(SWIFT) build -c release --show-bin-path)/kardes build --source . --output public
	@echo "Open public/index.html through a web server (python3 -m http.server -d public 8000 → http://127.0.0.1:8000/),"
	@echo "or run: $$($(SWIFT) build -c release --show-bin-path)/kardes build --portable --output public  to open it straight from disk."

# Puts the kardes command on the PATH.
install: release
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 "$$($(SWIFT) build -c release --show-bin-path)/kardes" $(DESTDIR)$(PREFIX)/bin/kardes

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Benchmarks against Hugo and the floor (see docs/performance.md): N = 1,000 and 10,000 by default;
# BENCH_ARGS="--sizes 100000 --runs 3" for the large corpus. Installs hugo and cmark when missing.
bench: release
	@command -v hugo >/dev/null && command -v cmark >/dev/null || { \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq hugo cmark; }
	python3 Benchmarks/bench $(BENCH_ARGS)

clean:
	rm -rf .build .build-bench public
