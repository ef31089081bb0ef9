# cuttings: build, test, demo, benchmarks and evaluations.
# Evaluations read ../shared (beside the checkout) when it is there and say
# they skipped when it is not.

GO       ?= go
BIN      := bin/cuttings
SHARED   ?= ../shared
OUT      ?= out
FUZZTIME ?= 5s
PKGS     := ./...

.PHONY: all build test test-short run bench bench-memory lint fuzz eval eval-records eval-zyte eval-te3 eval-polnear clean

all: lint test build

build:
	$(GO) build -o $(BIN) ./cmd/cuttings

## test: vet, then every package's tests with the race detector, then the
## tests of the patched go-trafilatura (third_party). PostgreSQL suites run
## when CUTTINGS_TEST_POSTGRES is set (.ci/run sets it).
test:
	$(GO) vet $(PKGS)
	$(GO) test -race -count=1 $(PKGS)
	cd third_party/go-trafilatura && $(GO) test -count=1 .

test-short:
	$(GO) test -count=1 $(PKGS)

## run: the demo: the four seed articles into the default SQLite database
## (cuttings.db), with a summary on stderr.
run: build
	$(BIN) run fixtures/seeds

## bench: throughput of every stage and end to end.
bench:
	$(GO) test -run '^$$' -bench . -benchmem $(PKGS)

lint:
	$(GO) vet $(PKGS)
	@unformatted=$$(gofmt -l $$(git ls-files '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt would change:"; echo "$$unformatted"; exit 1; fi

## fuzz: every fuzz target, the go-trafilatura fork's too, for FUZZTIME each
## (tools/fuzz.sh retries only the Go 1.26 coordinator's bare deadline race,
## never a failing input).
fuzz:
	GO=$(GO) tools/fuzz.sh $(FUZZTIME) $(PKGS)
	cd third_party/go-trafilatura && GO=$(GO) ../../tools/fuzz.sh $(FUZZTIME) .

## eval: every score against ../shared, when present.
eval: build
	@if [ ! -d "$(SHARED)/data" ]; then echo "eval: skipped: $(SHARED)/data not found"; exit 0; fi; \
	$(MAKE) --no-print-directory eval-records eval-zyte eval-te3 eval-polnear

eval-records: build
	@mkdir -p $(OUT)
	$(BIN) run --db none --out $(OUT)/seeds.jsonl fixtures/seeds || true
	python3 $(SHARED)/tools/score.py records --gold $(SHARED)/gold/seeds --pred $(OUT)/seeds.jsonl

eval-zyte: build
	@mkdir -p $(OUT)
	$(BIN) run --db none --out $(OUT)/zyte.jsonl $(SHARED)/data/article-extraction-benchmark/html || true
	python3 $(SHARED)/tools/score.py zyte --truth $(SHARED)/data/article-extraction-benchmark/ground-truth.json --pred $(OUT)/zyte.jsonl

eval-te3: build
	@mkdir -p $(OUT)
	python3 $(SHARED)/tools/score.py te3-inputs --tml $(SHARED)/data/timeml/te3-platinum > $(OUT)/te3-in.jsonl
	$(BIN) run --db none --out $(OUT)/te3.jsonl $(OUT)/te3-in.jsonl || true
	python3 $(SHARED)/tools/score.py te3 --tml $(SHARED)/data/timeml/te3-platinum --pred $(OUT)/te3.jsonl

eval-polnear: build
	@mkdir -p $(OUT)
	python3 $(SHARED)/tools/score.py polnear-inputs --split dev > $(OUT)/polnear-dev-in.jsonl
	$(BIN) run --db none --out $(OUT)/polnear-dev.jsonl $(OUT)/polnear-dev-in.jsonl || true
	python3 $(SHARED)/tools/score.py polnear --split dev --pred $(OUT)/polnear-dev.jsonl

clean:
	rm -rf bin $(OUT) cuttings.db cuttings.db-wal cuttings.db-shm

## bench-memory: peak RSS and throughput on a generated input of BIG_MB
## megabytes (default 1024) of JSON Lines, stored in SQLite.
BIG_MB ?= 1024
bench-memory: build
	@mkdir -p $(OUT)
	python3 tools/biginput.py $(BIG_MB) $(OUT)/big.jsonl
	rm -f $(OUT)/big.db*
	/usr/bin/time -v $(BIN) run --db $(OUT)/big.db $(OUT)/big.jsonl 2> $(OUT)/big.time || true
	@grep -E 'inputs,|Maximum resident|Elapsed' $(OUT)/big.time
